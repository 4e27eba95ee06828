# ours-history-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 45 0 1500
3 60 0 1500
4 75 0 3600
5 90 2 5000
6 105 2 5000
7 120 3 5300
8 135 2.4 6600
9 150 2.4 6600
10 165 2.4 6600
11 180 3.75 9000
12 195 3.75 9000
13 210 3.6 11000
14 225 3.6 11000
15 240 3.2 11000
16 255 3.2 13000
17 270 3 14000
18 285 3 14000
19 300 3 15000
20 300 2.4 17000
21 300 2.4 17000
22 300 2.4 17000
23 300 3 19000
24 300 3 19000
25 300 3 20000
26 300 2.8 22000
27 300 3.6 22000
28 300 3.6 22000
29 300 3.6 23000
30 300 3 24000
31 300 3 26000
32 300 3.6 27000
33 300 3.6 27000
34 300 3 27000
35 300 4.2 29000
36 300 4.2 29000
37 300 4.2 29000
38 300 3.6 29000
39 300 3.6 29000
40 300 3.9 32000
41 300 3.6 33000
42 300 3.6 33000
43 300 3.6 34000
44 300 3.6 34000
45 300 3.6 35000
46 300 3.6 35000
47 300 3 37000
48 300 2.6 38000
49 300 3.3 39000
50 300 3.9 41000
51 300 3.9 41000
52 300 3.9 41000
53 300 3.6 42000
54 300 4.2 42000
55 300 4.2 44000
56 300 4.2 44000
57 300 4.8 44000
58 300 6.6 44000
59 300 12.5 44000
60 300 12.5 44000
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
