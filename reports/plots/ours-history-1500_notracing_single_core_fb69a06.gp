# ours-history-1500_notracing_single_core_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_single_core_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 38 0 1200
3 60 0 2500
4 75 0 3700
5 90 2 4000
6 98 2 4000
7 120 3.6 5200
8 135 3.6 5200
9 150 3.42857 7400
10 165 3.75 7900
11 180 3.75 7900
12 195 3.6 9200
13 195 3.6 9200
14 225 4.2 11000
15 240 4.2 12000
16 255 4.2 12000
17 270 3.9 13000
18 277 3.9 13000
19 300 3.6 14000
20 300 3.6 16000
21 300 3.6 16000
22 300 3.6 16000
23 300 3.6 17000
24 300 3.6 18000
25 300 3.6 20000
26 300 3.6 20000
27 300 3.9 21000
28 300 3.6 22000
29 300 3 24000
30 300 3 24000
31 300 3.6 24000
32 300 3.6 24000
33 300 4.2 24000
34 300 3.6 26000
35 300 4.2 26000
36 300 4.2 26000
37 300 3.6 28000
38 300 3.6 28000
39 300 3.6 30000
40 300 3.6 31000
41 300 3.6 31000
42 300 3 33000
43 300 3.6 33000
44 300 3.6 34000
45 300 3 35000
46 300 3.3 34000
47 300 5.8 34000
48 300 11 34000
49 300 11 34000
50 300 29.8 34000
51 300 29.8 35000
52 300 40.7 36000
53 300 40.7 36000
54 300 40.1 36000
55 300 40.1 36000
56 300 54.8 36000
57 300 64.4 36000
58 300 63.1 36000
59 300 63.1 36000
60 300 64.2 36000
60 300 64.2 36000
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
