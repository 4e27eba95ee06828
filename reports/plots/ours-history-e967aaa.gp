# ours-history-e967aaa.gp — written by analyze report; run `gnuplot ours-history-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 570
2 15 0 1100
3 20 5 1200
4 25 4.5 1300
5 30 8.33333 1300
6 35 15.5 1700
7 40 33.2 1900
8 45 29.6667 1900
9 50 35 1700
10 55 42.375 1700
11 60 53 1900
12 65 61.6 1200
13 70 76.9 1100
14 75 106.6 700
15 80 142.7 490
16 85 169.2 490
17 90 184.5 550
18 95 198 570
19 100 199.2 410
20 100 199.5 45
21 100 206.2 44
22 100 211.8 21
23 100 218.9 17
24 100 224.1 17
25 100 223.4 20
26 100 210.8 23
27 100 186.2 43
28 100 186.2 44
29 100 165.9 45
30 100 156.6 550
31 100 136.7 920
32 100 117.5 1100
33 100 95.5 1200
34 100 60.7 1300
35 100 24.2 2000
36 100 24.2 2800
37 100 6.7 3500
38 100 5.2 3900
39 100 5.2 4100
40 100 5.2 4200
41 100 5.2 4200
42 100 5.2 4200
43 100 5.2 4200
44 100 5.2 4200
45 100 5.2 4200
46 100 5.2 4200
47 100 5.2 4200
48 100 5.2 4200
49 100 5.2 4200
50 100 5.2 4200
51 100 5.2 4200
52 100 5.2 4200
53 100 5.2 4200
54 100 0 4300
55 100 0 4400
56 100 0.7 4500
57 100 1.1 4600
58 100 1.1 4600
59 100 2.2 4700
60 100 2.6 4800
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
