# ours-history-fb69a06.gp — written by analyze report; run `gnuplot ours-history-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 0
2 15 0 1800
3 18 0 1800
4 25 0 2100
5 30 1.66667 3200
6 35 2.25 4000
7 40 2 4200
8 45 2.33333 4700
9 50 2.71429 5800
10 55 2.5 6000
11 60 2.55556 6400
12 61 2.55556 6400
13 67 3.2 6600
14 75 3.8 6600
15 80 6.3 6500
16 80 6.3 6500
17 88 16.3 7400
18 95 23 7700
19 100 27.9 7800
20 100 31.1 8200
21 100 37.1 8500
22 100 40.6 9100
23 100 41.8 9500
24 100 47.8 9600
25 100 48.5 9800
26 100 46.1 9800
27 100 45.7 10000
28 100 40.1 10000
29 100 37.7 10000
30 100 39.9 10000
31 100 41.7 10000
32 100 46.2 9700
33 100 56.2 9800
34 100 62.3 9100
35 100 75.7 9500
36 100 84.1 9100
37 100 89.7 9100
38 100 96.5 8500
39 100 102.3 7800
40 100 110.7 7800
41 100 116.3 7900
42 100 123.1 9100
43 100 119.5 9100
44 100 113.8 7800
45 100 105 7800
46 100 105 7400
47 100 112.3 6000
48 100 125.3 5800
49 100 141.6 4800
50 100 149.4 4500
51 100 156.7 3500
52 100 156.7 3500
53 100 179.3 3200
54 100 195.8 3700
55 100 207.7 3500
56 100 204.4 3600
57 100 191.7 4000
58 100 179.6 3500
59 100 166.7 3700
60 100 157.7 3200
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-fb69a06.png'
set multiplot layout 3,1 title "fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-fb69a06.svg'
set multiplot layout 3,1 title "fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
