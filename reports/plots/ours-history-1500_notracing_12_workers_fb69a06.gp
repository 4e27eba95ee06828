# ours-history-1500_notracing_12_workers_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_12_workers_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 30 0 0
2 37 0 0
3 60 0 2500
4 75 0 2500
5 90 0 2500
6 105 3.75 4900
7 120 3.75 5000
8 135 2.5 5800
9 150 4.28571 6400
10 165 3.75 6900
11 180 4.33333 7000
12 188 4.3 7100
13 210 5.5 7300
14 225 6.2 9200
15 240 5.6 9200
16 255 5.9 13000
17 270 6.5 14000
18 285 7.1 14000
19 293 7.3 14000
20 300 8.2 14000
21 300 7.9 14000
22 300 7.9 14000
23 300 7.4 16000
24 300 7.6 16000
25 300 8 17000
26 300 8.1 17000
27 300 8.2 17000
28 300 8.5 19000
29 300 7.2 19000
30 300 6.6 20000
31 300 7.1 22000
32 300 6.8 22000
33 300 7.5 22000
34 300 7.5 22000
35 300 7.7 22000
36 300 7.2 23000
37 300 6.8 24000
38 300 7.3 25000
39 300 7.6 25000
40 300 8.3 26000
41 300 9.3 26000
42 300 13.3 27000
43 300 13.3 27000
44 300 13.1 28000
45 300 13.1 29000
46 300 14.3 29000
47 300 17.2 30000
48 300 19.5 30000
49 300 22 30000
50 300 23.6 31000
51 300 22.2 32000
52 300 20.5 32000
53 300 20.6 34000
54 300 21 35000
55 300 21.5 35000
56 300 26.7 36000
57 300 26.3 36000
58 300 23.6 36000
59 300 20.9 36000
60 300 20.6 37000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_12_workers_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_12_workers_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_12_workers_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_12_workers_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
