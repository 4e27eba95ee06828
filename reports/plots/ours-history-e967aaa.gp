# ours-history-e967aaa.gp — written by analyze report; run `gnuplot ours-history-e967aaa.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 540
2 15 0 1200
3 20 0 1300
4 25 2.5 1200
5 30 4.33333 1200
6 35 13.75 1200
7 40 32.6 1200
8 45 56.3333 1200
9 50 79.5714 1000
10 55 93.125 990
11 60 116.667 5
12 65 137.9 5
13 70 181.2 5
14 75 224.1 5
15 80 257.7 5
16 82 286.1 5
17 90 320.7 5
18 95 312.6 9
19 100 291.9 990
20 100 273.9 1200
21 100 273.9 1200
22 100 273.9 1200
23 100 273.9 1200
24 100 273.9 1200
25 100 273.9 1200
26 100 273.9 1200
27 100 273.9 1200
28 100 273.9 1200
29 100 273.9 1200
30 100 273.9 1200
31 100 273.9 1200
32 100 273.9 1200
33 100 273.9 1200
34 100 273.9 1200
35 100 273.9 1200
36 100 273.9 1200
37 100 273.9 1200
38 100 273.9 1200
39 100 273.9 1200
40 100 273.9 1200
41 100 273.9 1200
42 100 273.9 1200
43 100 273.9 1200
44 100 273.9 1200
45 100 0 1800
46 100 0 2100
47 100 0 2400
48 100 2.7 2800
49 100 4.1 3100
50 100 5.7 3400
51 100 5.7 3400
52 100 5.7 3400
53 100 5.7 3400
54 100 5.7 3400
55 100 5.7 3400
56 100 5.7 3400
57 100 5.7 3400
58 100 5.7 3400
59 100 5.7 3400
60 100 5.7 3400
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
