# ours-history-255c2e5.gp — written by analyze report; run `gnuplot ours-history-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 960
2 15 0 1300
3 20 0 1700
4 25 0 2200
5 30 2.33333 3700
6 35 2.75 3800
7 40 2.4 4000
8 45 2.83333 4900
9 50 2.85714 6300
10 55 2.625 6500
11 60 2.77778 6500
12 65 2.7 6500
13 70 3.3 7100
14 75 6.8 7100
15 80 9.5 7100
16 85 10.8 7100
17 87 16.5 7200
18 95 23.4 7100
19 100 27.7 6600
20 100 33.5 7200
21 100 33.5 7200
22 100 42.7 7300
23 100 45.7 7900
24 100 43.5 9200
25 100 41.3 9300
26 100 42.3 11000
27 100 40.8 12000
28 100 39.1 12000
29 100 44.5 9300
30 100 52.3 7100
31 100 76.7 6200
32 100 102.2 4300
33 100 132.8 3700
34 100 162.9 2700
35 100 183.7 2200
36 100 204.8 1000
37 100 221.1 1100
38 100 247 30
39 100 272 42
40 100 295.8 1000
41 100 295.2 1700
42 100 267.5 3800
43 100 234.1 6300
44 100 203.6 6600
45 100 182.6 9200
46 100 159.9 9500
47 100 140 9900
48 100 109.3 10000
49 100 75.7 10000
50 100 75.7 10000
51 100 75.7 10000
52 100 75.7 10000
53 100 75.7 10000
54 100 75.7 10000
55 100 75.7 10000
56 100 75.7 10000
57 100 75.7 10000
58 100 75.7 10000
59 100 75.7 10000
60 100 75.7 10000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-255c2e5.png'
set multiplot layout 3,1 title "255c2e5: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-255c2e5.svg'
set multiplot layout 3,1 title "255c2e5: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
