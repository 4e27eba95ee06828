# ours-history-e967aaa.gp — written by analyze report; run `gnuplot ours-history-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 0
2 15 0 1000
3 20 0 1300
4 25 2.5 2400
5 30 1.66667 3700
6 35 2.5 3700
7 40 2.4 4600
8 42 3 4900
9 48 3 4900
10 55 3.25 5400
11 55 3.25 5400
12 65 3.4 5300
13 70 8.2 5600
14 75 14.6 6100
15 80 18.3 6100
16 85 22.2 6100
17 90 29.8 6100
18 95 35.1 6100
19 100 38.6 6100
20 100 44 7200
21 100 47.1 7300
22 100 49.3 7500
23 100 45.1 7600
24 100 40.9 7900
25 100 40 7700
26 100 37.4 7900
27 100 36.4 7700
28 100 39.3 7600
29 100 44.9 7500
30 100 51.4 5500
31 100 65.5 5100
32 100 86.1 4900
33 100 114.1 4800
34 100 132.6 4600
35 100 139.8 4500
36 100 149.9 3700
37 100 155.8 3800
38 100 164.4 4200
39 100 163.6 3600
40 100 162.4 3500
41 100 158 2600
42 100 147.7 1400
43 100 138.9 1200
44 100 132.4 1000
45 100 148.6 1000
46 100 156.2 1000
47 100 156.7 1000
48 100 148.4 1000
49 100 149 97
50 100 150.9 1000
51 100 146.7 1200
52 100 140.7 1000
53 100 130.5 71
54 100 122.1 32
55 100 114 29
56 100 128.2 23
57 100 162.4 22
58 100 215.5 19
59 100 284 17
60 100 371.4 16
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-e967aaa.png'
set multiplot layout 3,1 title "e967aaa: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-e967aaa.svg'
set multiplot layout 3,1 title "e967aaa: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
