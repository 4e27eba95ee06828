# ours-history-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 30 0 0
3 60 0 2200
4 75 0 2200
5 90 0 4300
6 97 1.5 6000
7 112 1.5 6000
8 135 2 6500
9 150 2 6500
10 158 2 6500
11 180 2.25 8700
12 195 2.4 9800
13 210 2.4 9800
14 217 3 9800
15 240 3 12000
16 255 3 14000
17 270 3 14000
18 278 3 14000
19 300 3 16000
20 300 3 16000
21 300 2.7 18000
22 300 2.7 18000
23 300 2.4 19000
24 300 2.4 19000
25 300 2.4 21000
26 300 2.4 21000
27 300 2.4 22000
28 300 2.4 22000
29 300 2.1 24000
30 300 2.1 24000
31 300 2.4 24000
32 300 2.4 24000
33 300 2.4 27000
34 300 2.4 27000
35 300 2.1 30000
36 300 2.1 30000
37 300 1.8 32000
38 300 1.8 32000
39 300 2.4 33000
40 300 2.4 33000
41 300 2.4 33000
42 300 2.4 33000
43 300 2.4 36000
44 300 2.4 36000
45 300 2.1 38000
46 300 2.1 38000
47 300 2.4 40000
48 300 2.4 40000
49 300 3 40000
50 300 2.4 42000
51 300 2.4 42000
52 300 2.4 43000
53 300 2.4 43000
54 300 2.4 43000
55 300 2.4 43000
56 300 3 45000
57 300 3 45000
58 300 2.4 45000
59 300 2.4 48000
60 300 2.4 48000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_single_core_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_single_core_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_single_core_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_single_core_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
