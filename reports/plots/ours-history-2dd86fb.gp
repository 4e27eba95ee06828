# ours-history-2dd86fb.gp — written by analyze report; run `gnuplot ours-history-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 0
2 15 0 1100
3 20 0 1500
4 25 2.5 1800
5 30 1.66667 3900
6 35 2.5 4000
7 40 2.2 5300
8 45 2.2 5300
9 50 2.42857 6500
10 55 2.5 6600
11 60 2.33333 7700
12 65 2.4 8300
13 70 2.5 8500
14 75 2.3 8500
15 80 2.4 8500
16 85 5.6 8500
17 90 10.2 9800
18 95 15.6 9700
19 100 16.9 10000
20 100 18.6 10000
21 100 20.7 10000
22 100 24 10000
23 100 25.6 10000
24 100 28.6 10000
25 100 32.9 11000
26 100 30.6 11000
27 100 26.9 11000
28 100 22 12000
29 100 21.6 12000
30 100 19.9 12000
31 100 19.3 12000
32 100 17.8 12000
33 100 18.7 12000
34 100 17.1 12000
35 100 17.5 13000
36 100 18 13000
37 100 17.4 13000
38 100 17.1 15000
39 100 17.1 15000
40 100 17.1 15000
41 100 17.1 15000
42 100 15.8 16000
43 100 13.2 16000
44 100 13.3 18000
45 100 10.6 17000
46 100 9.4 17000
47 100 17.4 17000
48 100 23.1 17000
49 100 30.9 17000
50 100 35.4 15000
51 100 42.1 13000
52 100 52.4 12000
53 100 65.3 12000
54 100 74.6 12000
55 100 84.3 10000
56 100 93.2 11000
57 100 97.9 11000
58 100 101.3 10000
59 100 105.1 11000
60 100 112.9 12000
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
