# ours-history-1500_notracing_mariadb_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_mariadb_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 8 0 0
1 30 0 690
2 45 0 2000
3 60 0 2300
4 75 6 2900
5 90 5 3500
6 105 6 4500
7 120 6.4 4500
8 135 6.16667 5800
9 150 6 5800
10 165 6.5 6000
11 180 6.88889 5800
12 195 12.3 5800
13 210 29.8 6100
14 225 49.3 6300
15 240 52.9 6200
16 255 59.9 6700
17 270 72.1 6300
18 285 76.6 5900
19 300 89.5 5800
20 300 117.6 5200
21 300 146.9 5100
22 300 165.8 5100
23 300 172.7 4500
24 300 172.6 5100
25 300 184.8 5600
26 300 189.1 5800
27 300 177.5 5600
28 300 175.9 5200
29 300 181.3 5100
30 300 178.3 4500
31 300 171.3 4500
32 300 177.5 3500
33 300 179.8 3500
34 300 185.9 3500
35 300 188.6 3500
36 300 196.2 3400
37 300 214 2800
38 300 229.8 2800
39 300 233 2200
40 300 234.4 2300
41 300 238.7 2200
42 300 231.3 2000
43 300 222.5 1900
44 300 218.9 1300
45 300 219.1 1300
46 300 227.1 1300
47 300 229.5 610
48 300 228.2 610
49 300 233.1 610
50 300 233.6 610
51 300 224.9 680
52 300 216.4 18
53 300 217.7 15
54 300 219.2 15
55 300 226.2 13
56 300 220.8 12
57 300 221.5 12
58 300 228.1 12
59 300 232.9 11
60 300 238.4 11
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
