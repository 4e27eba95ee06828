# ours-history-3106d03.gp — written by analyze report; run `gnuplot ours-history-3106d03.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 0
2 15 0 1200
3 20 0 1800
4 25 0 1800
5 30 3 3800
6 35 2.5 4500
7 40 2.5 4900
8 45 2.66667 4900
9 50 2.85714 5900
10 55 2.5 6900
11 60 2.5 6900
12 65 2.8 7200
13 70 2.8 7700
14 75 3.2 8200
15 80 3.7 8300
16 85 4 9400
17 90 4.9 9600
18 95 6 10000
19 100 6 11000
20 100 6 11000
21 100 8.5 11000
22 100 8.5 11000
23 100 10.8 12000
24 100 10.9 12000
25 100 10.9 13000
26 100 10.5 14000
27 100 10.5 14000
28 100 8.9 15000
29 100 8.9 16000
30 100 8.6 16000
31 100 8.6 16000
32 100 8.6 17000
33 100 8 17000
34 100 10.6 18000
35 100 11.4 18000
36 100 12.2 18000
37 100 12.2 18000
38 100 15 19000
39 100 15.3 19000
40 100 19.5 19000
41 100 19 19000
42 100 19 19000
43 100 25 18000
44 100 35.2 18000
45 100 59.9 17000
46 100 74.6 17000
47 100 85.3 16000
48 100 98.3 15000
49 100 123.4 15000
50 100 148.6 14000
51 100 161.7 13000
52 100 173.2 13000
53 100 181.4 12000
54 100 179.1 11000
55 100 167.9 11000
56 100 167.9 11000
57 100 158.9 10000
58 100 158.5 8800
59 100 153.5 8500
60 100 148.2 8100
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
