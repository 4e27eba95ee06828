# ours-history-255c2e5.gp — written by analyze report; run `gnuplot ours-history-255c2e5.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 1000
2 15 0 1000
3 20 0 1300
4 25 2.5 2900
5 30 2 3900
6 35 2 3900
7 40 2.6 4600
8 40 2.6 4600
9 50 3.14286 5100
10 55 3.5 4700
11 60 3.22222 5100
12 65 9.1 4600
13 70 15 4900
14 75 21.5 5500
15 80 23.8 6600
16 85 23.6 7300
17 90 25.6 8800
18 95 30.8 9000
19 100 35.3 9000
20 100 43.9 8900
21 100 63.7 8600
22 100 74.3 6600
23 100 90.7 4300
24 100 109.7 3800
25 100 132.5 3800
26 100 156.6 3000
27 100 172.9 2700
28 100 189.9 39
29 100 216.3 26
30 100 237.8 21
31 100 242.5 21
32 100 254.5 21
33 100 262.6 21
34 100 253.2 21
35 100 241.3 21
36 100 233.5 21
37 100 229.7 20
38 100 238.4 21
39 100 235.5 3600
40 100 212.5 10
41 100 196 6
42 100 448.3 4
43 100 744.7 4
44 100 1054.9 4
45 100 1370.9 3
46 100 1682.3 3
47 100 1990.5 3
48 100 2278.1 2
49 100 2574.3 2
50 100 2890.1 2
51 100 3206.5 2
52 100 3249.3 2
53 100 3240.8 2
54 100 3242.8 2
55 100 3241.2 2
56 100 3237.3 1
57 100 3236.1 1
58 100 3241.4 1
59 100 3239.5 1
60 100 3239.9 1
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
