# ours-history-3106d03.gp — written by analyze report; run `gnuplot ours-history-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 610
2 15 0 1200
3 20 5 1200
4 25 4.5 1400
5 30 6.66667 1700
6 35 16.25 1700
7 40 18 1600
8 45 22.3333 1500
9 50 34.1429 1400
10 55 46.875 1400
11 60 55.7778 1400
12 65 63.8 1400
13 67 72.9 1400
14 75 86.4 1400
15 78 105.5 1400
16 85 119.8 1400
17 90 137.4 1400
18 95 156.5 1400
19 95 156.5 1400
20 100 167.6 1500
21 100 170.4 1500
22 100 174.5 1500
23 100 186.3 1500
24 100 186.8 1500
25 100 209.8 1500
26 100 231.8 1400
27 100 237.7 1400
28 100 246.8 1400
29 100 251.3 1400
30 100 251.3 1400
31 100 251.3 1400
32 100 251.3 1400
33 100 251.3 1400
34 100 251.3 1400
35 100 251.3 1400
36 100 251.3 1400
37 100 251.3 1400
38 100 251.3 1400
39 100 251.3 1400
40 100 251.3 1400
41 100 251.3 1400
42 100 251.3 1400
43 100 251.3 1400
44 100 251.3 1400
45 100 251.3 1400
46 100 251.3 1400
47 100 251.3 1400
48 100 251.3 1400
49 100 251.3 1400
50 100 251.3 1400
51 100 251.3 1400
52 100 251.3 1400
53 100 251.3 1400
54 100 251.3 1400
55 100 251.3 1400
56 100 251.3 1400
57 100 251.3 1400
58 100 0 1500
59 100 0 1500
60 100 0 1600
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
