# ours-history-3106d03.gp — written by analyze report; run `gnuplot ours-history-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 600
2 15 0 1200
3 20 5 1300
4 25 5 1400
5 30 7.33333 1900
6 35 7.33333 1800
7 40 19.4 1900
8 45 24.3333 1800
9 50 30 1600
10 55 37 1400
11 60 45.1111 1400
12 65 66.2 1400
13 70 82.9 1300
14 75 96.6 1400
15 80 108.6 1400
16 85 115 1600
17 90 115 1600
18 95 118.8 1800
19 100 120.7 2300
20 100 119.5 2600
21 100 119.4 3000
22 100 119.4 3100
23 100 99.2 3400
24 100 82.4 3500
25 100 76.3 3500
26 100 84 3400
27 100 89.6 3400
28 100 99.5 3300
29 100 105.7 3200
30 100 124.1 3100
31 100 139 3000
32 100 151 2900
33 100 173 2700
34 100 187.4 2600
35 100 204.4 2600
36 100 204.4 2500
37 100 198.5 2500
38 100 193.3 2400
39 100 194.4 2200
40 100 274.9 1900
41 100 429 1600
42 100 674 1400
43 100 921.4 1300
44 100 1219.2 1200
45 100 1514.9 960
46 100 1822.8 770
47 100 2134.5 110
48 100 2443.3 19
49 100 2751.3 15
50 100 2966.9 12
51 100 3101.7 10
52 100 3156.9 9
53 100 3207.2 9
54 100 3208.1 8
55 100 3208.1 8
56 100 3177.9 8
57 100 3166.7 7
58 100 3154.1 7
59 100 3153.7 7
60 100 3153.8 6
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-3106d03.png'
set multiplot layout 3,1 title "3106d03: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-3106d03.svg'
set multiplot layout 3,1 title "3106d03: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
