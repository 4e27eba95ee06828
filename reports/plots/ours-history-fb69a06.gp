# ours-history-fb69a06.gp — written by analyze report; run `gnuplot ours-history-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 2 0 0
1 10 0 930
2 15 0 1100
3 20 0 1500
4 23 3 2700
5 30 2.5 2800
6 35 2.66667 4700
7 40 3.25 4100
8 45 3 5000
9 50 3 5300
10 55 3 5800
11 60 3.375 6000
12 65 5.22222 6000
13 70 9.7 6500
14 75 9.7 6700
15 80 11.7 7100
16 85 22.6 7200
17 90 24.8 7200
18 95 24.8 7100
19 97 36.4 7400
20 100 36.4 7600
21 100 51.1 7600
22 100 53.1 7600
23 100 57.6 7400
24 100 67.1 7200
25 100 75.9 6400
26 100 83.7 5800
27 100 100 5300
28 100 116.9 4900
29 100 125.6 4700
30 100 132 2800
31 100 132 3100
32 100 161.4 3100
33 100 159.9 2800
34 100 158.4 2500
35 100 159.7 1100
36 100 160.7 930
37 100 161.7 170
38 100 151.3 170
39 100 152.3 170
40 100 149 130
41 100 144.1 44
42 100 143.8 45
43 100 143.8 45
44 100 160.8 45
45 100 160.8 44
46 100 155 52
47 100 146.5 52
48 100 146.4 130
49 100 139.9 30
50 100 144.7 30
51 100 148 29
52 100 148.1 29
53 100 148.6 29
54 100 146.5 28
55 100 143.9 28
56 100 151.2 28
57 100 155.4 27
58 100 157.1 28
59 100 157.7 27
60 100 150.7 26
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
