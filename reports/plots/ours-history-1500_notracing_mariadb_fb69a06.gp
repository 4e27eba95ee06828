# ours-history-1500_notracing_mariadb_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_mariadb_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 30 0 0
2 45 0 1400
3 60 0 2800
4 75 3 3900
5 90 3 4000
6 105 3 4300
7 120 3 5400
8 135 3 5400
9 150 4.28571 7600
10 165 3.75 7800
11 180 3.33333 8300
12 195 3.33333 9200
13 210 4.2 10000
14 225 4.2 11000
15 240 4.2 12000
16 255 4.2 12000
17 270 4.2 13000
18 278 4.5 14000
19 300 4.4 14000
20 300 5 15000
21 300 5.7 16000
22 300 5.5 16000
23 300 5.5 17000
24 300 5.6 18000
25 300 6 18000
26 300 6 18000
27 300 6.6 19000
28 300 6 20000
29 300 5.6 21000
30 300 5.5 21000
31 300 5.3 23000
32 300 5.2 23000
33 300 5 24000
34 300 4.9 24000
35 300 4.7 25000
36 300 4.5 25000
37 300 4.2 25000
38 300 11.5 25000
39 300 32 25000
40 300 44.8 24000
41 300 60 24000
42 300 80 25000
43 300 83.5 25000
44 300 87 24000
45 300 96.7 24000
46 300 111.4 24000
47 300 124.8 24000
48 300 121.8 24000
49 300 103.4 24000
50 300 97.4 24000
51 300 92.4 24000
52 300 82.5 24000
53 300 89.5 23000
54 300 102.7 22000
55 300 123.9 21000
56 300 135.6 22000
57 300 141.3 23000
58 300 146.7 23000
59 300 146.7 22000
60 300 150.5 23000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_mariadb_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_mariadb_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_mariadb_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_mariadb_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
