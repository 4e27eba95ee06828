# ours-history-e967aaa.gp — written by analyze report; run `gnuplot ours-history-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 600
2 15 0 1200
3 20 0 1200
4 25 2.5 1200
5 30 4 1200
6 35 12.25 1200
7 40 32 1200
8 45 47.1667 1500
9 50 59.5714 1500
10 55 68.25 1200
11 60 73.4444 1100
12 65 83.8 630
13 70 113.2 22
14 75 151.2 18
15 80 188 17
16 85 220.4 12
17 90 232.2 12
18 95 249.1 10
19 100 269.7 11
20 100 284.9 12
21 100 298.8 12
22 100 307.5 14
23 100 290.2 15
24 100 261.8 15
25 100 241.7 16
26 100 225.7 16
27 100 220.1 9
28 100 206.6 8
29 100 203.4 7
30 100 238.3 5
31 100 320.5 4
32 100 570.7 4
33 100 886.1 3
34 100 1203.1 2
35 100 1507.6 2
36 100 1813.6 2
37 100 2125.6 1
38 100 2435.5 1
39 100 2730.2 1
40 100 2990 1
41 100 3205.1 1
42 100 3250.1 1
43 100 3249.3 1
44 100 3249.6 1
45 100 3252 1
46 100 3254 1
47 100 3248.1 1
48 100 3248.6 1
49 100 3247.8 1
50 100 3252.6 1
51 100 3259.3 1
52 100 3261.4 1
53 100 3263 1
54 100 3264 1
55 100 3266.1 1
56 100 3263 1
57 100 3265.7 1
58 100 3264.3 1
59 100 3268.4 1
60 100 3266.1 1
60 100 3266.1 1
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
