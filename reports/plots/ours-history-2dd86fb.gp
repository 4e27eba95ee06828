# ours-history-2dd86fb.gp — written by analyze report; run `gnuplot ours-history-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 8 0 930
2 15 0 930
3 20 0 1900
4 20 0 1900
5 30 2 3700
6 35 2 3700
7 40 2.8 4000
8 45 3.16667 4200
9 50 4.28571 4200
10 55 5.125 4600
11 60 10.6667 4200
12 65 12.4 4600
13 70 12.4 4600
14 75 24 5200
15 80 27 5800
16 85 28 5900
17 90 28.5 6300
18 95 29.3 7000
19 100 31.6 7100
20 100 36.8 7400
21 100 36 7400
22 100 35.3 8200
23 100 35.8 9000
24 100 35 9200
25 100 36.8 9200
26 100 40.9 8200
27 100 50.3 7400
28 100 61.1 7400
29 100 69.6 7400
30 100 78.4 6300
31 100 81.9 6100
32 100 91.4 5900
33 100 94.4 6100
34 100 97.4 5900
35 100 96.8 5000
36 100 99.2 4000
37 100 102.6 4200
38 100 108.3 4600
39 100 114.1 4600
40 100 106.1 4000
41 100 102.5 3200
42 100 100.8 3000
43 100 112.1 2700
44 100 117.1 2500
45 100 125 910
46 100 129 86
47 100 138.4 85
48 100 138.6 86
49 100 134 880
50 100 132.9 1900
51 100 131.3 2700
52 100 131.3 3000
53 100 102.4 4900
54 100 89.1 5900
55 100 77.5 7000
56 100 66.1 9000
57 100 43.6 10000
58 100 26.2 11000
59 100 13.7 12000
60 100 8.3 13000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-2dd86fb.png'
set multiplot layout 3,1 title "2dd86fb: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-2dd86fb.svg'
set multiplot layout 3,1 title "2dd86fb: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
