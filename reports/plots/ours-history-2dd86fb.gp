# ours-history-2dd86fb.gp — written by analyze report; run `gnuplot ours-history-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 590
2 15 0 1200
3 20 0 1200
4 25 2.5 1200
5 30 4.33333 1200
6 35 15.25 1200
7 40 37.2 1100
8 42 62.1667 1000
9 50 89 930
10 55 112.875 590
11 60 132.444 5
12 65 149.1 5
13 70 185.8 5
14 75 219.8 5
15 80 248 5
16 85 277.6 5
17 90 306.8 5
18 95 329.3 6
19 100 316.9 6
20 100 290 680
21 100 262.4 1000
22 100 233.4 1200
23 100 233.4 1200
24 100 233.4 1200
25 100 233.4 1200
26 100 233.4 1200
27 100 233.4 1200
28 100 233.4 1200
29 100 233.4 1200
30 100 233.4 1200
31 100 233.4 1200
32 100 233.4 1200
33 100 233.4 1200
34 100 233.4 1200
35 100 233.4 1200
36 100 233.4 1200
37 100 233.4 1200
38 100 233.4 1200
39 100 233.4 1200
40 100 233.4 1200
41 100 233.4 1200
42 100 233.4 1200
43 100 233.4 1200
44 100 233.4 1200
45 100 233.4 1200
46 100 0 1700
47 100 0 2000
48 100 0 2400
49 100 2.3 2700
50 100 3.9 3100
51 100 5.6 3300
52 100 7.1 3500
53 100 7.1 3500
54 100 7.1 3500
55 100 7.1 3500
56 100 7.1 3500
57 100 7.1 3500
58 100 7.1 3500
59 100 7.1 3500
60 100 7.1 3500
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
