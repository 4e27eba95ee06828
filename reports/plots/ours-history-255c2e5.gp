# ours-history-255c2e5.gp — written by analyze report; run `gnuplot ours-history-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 3 0 0
1 10 0 620
2 15 0 1200
3 20 5 1200
4 25 4 1200
5 30 7.66667 1200
6 35 31.5 1100
7 40 62.8 1100
8 45 86.8333 1100
9 50 108.286 970
10 55 128.75 550
11 60 140.222 6
12 65 158.1 6
13 70 201.5 5
14 75 233.5 5
15 80 259.2 5
16 85 282.7 5
17 90 302.9 5
18 95 319.4 5
19 100 312.9 6
20 100 287.1 8
21 100 265.3 620
22 100 234.3 1100
23 100 191.5 1400
24 100 191.5 1400
25 100 191.5 1400
26 100 191.5 1400
27 100 191.5 1400
28 100 191.5 1400
29 100 191.5 1400
30 100 191.5 1400
31 100 191.5 1400
32 100 191.5 1400
33 100 191.5 1400
34 100 191.5 1400
35 100 191.5 1400
36 100 191.5 1400
37 100 191.5 1400
38 100 191.5 1400
39 100 191.5 1400
40 100 191.5 1400
41 100 191.5 1400
42 100 191.5 1400
43 100 191.5 1400
44 100 191.5 1400
45 100 191.5 1400
46 100 191.5 1400
47 100 0 2000
48 100 0 2200
49 100 1.2 2600
50 100 2.7 3000
51 100 4.5 3200
52 100 5.8 3300
53 100 6.8 3700
54 100 6.8 3700
55 100 6.8 3800
56 100 6.8 3800
57 100 6.8 3800
58 100 6.8 3800
59 100 6.8 3800
60 100 6.8 3800
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
