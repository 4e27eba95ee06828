# ours-history-3106d03.gp — written by analyze report; run `gnuplot ours-history-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 580
2 15 0 1300
3 20 0 1400
4 25 2.5 1500
5 27 5.66667 1600
6 35 9 1800
7 40 11.8 1700
8 45 18.3333 1700
9 50 32.1429 1600
10 55 42.5 1500
11 60 47.6667 1400
12 65 55.5 1500
13 70 67.2 1500
14 75 78.2 1500
15 80 88.6 1400
16 85 113.5 1400
17 90 131.2 1400
18 95 145.4 1400
19 100 149.5 1400
20 100 157.1 1500
21 100 166.2 1500
22 100 177.4 1700
23 100 178.9 1600
24 100 188.5 1500
25 100 212.5 1500
26 100 245.2 1300
27 100 246.5 1100
28 100 379.2 950
29 100 684.1 880
30 100 994.9 760
31 100 1308.5 590
32 100 1614.2 480
33 100 1923.9 16
34 100 2229.6 5
35 100 2515.7 4
36 100 2785.8 3
37 100 3089.7 3
38 100 3258.9 2
39 100 3265.2 2
40 100 3259.9 1
41 100 3252.5 1
42 100 3242.5 1
43 100 3247.9 1
44 100 3244.6 1
45 100 3248.9 1
46 100 3244.3 1
47 100 3245.3 1
48 100 3252.3 1
49 100 3251.9 1
50 100 3254.6 1
51 100 3260.4 1
52 100 3267.8 1
53 100 3266 1
54 100 3266.8 1
55 100 3266.2 1
56 100 3268.3 1
57 100 3269.7 1
58 100 3264.7 1
59 100 3263.9 1
60 100 3262.1 1
60 100 3262.1 1
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
