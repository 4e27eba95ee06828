# ours-history-255c2e5.gp — written by analyze report; run `gnuplot ours-history-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 0
2 15 0 1100
3 20 0 1400
4 25 2.5 2500
5 30 3.33333 3900
6 33 3.33333 3900
7 35 2.5 3900
8 40 2.5 3900
9 50 2.85714 5700
10 53 3.125 5900
11 57 3.125 5900
12 65 3.3 5900
13 70 8.8 5900
14 75 13.5 5900
15 80 24 6000
16 85 32 6500
17 90 34.8 6600
18 95 39.1 6600
19 100 50.6 7000
20 100 66 7000
21 100 78.8 6500
22 100 95.7 5900
23 100 115.2 5300
24 100 129 5100
25 100 147 3800
26 100 159.7 3400
27 100 178.6 3400
28 100 195.6 2800
29 100 197.1 1300
30 100 200.8 1300
31 100 203.9 1100
32 100 210.6 19
33 100 205.9 25
34 100 207.8 55
35 100 192.3 55
36 100 182.9 20
37 100 175.4 20
38 100 172.9 20
39 100 175.3 25
40 100 170 17
41 100 164.7 16
42 100 163.5 16
43 100 189.3 13
44 100 236.3 7
45 100 332.7 5
46 100 642.4 4
47 100 955.1 4
48 100 1263.4 4
49 100 1571.7 3
50 100 1882.1 2
51 100 2196.4 2
52 100 2502 2
53 100 2778.3 2
54 100 3032 1
55 100 3245.6 1
56 100 3249.1 1
57 100 3251.2 1
58 100 3246.8 1
59 100 3249.6 1
60 100 3249.8 1
60 100 3249.8 1
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
