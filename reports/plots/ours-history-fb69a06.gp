# ours-history-fb69a06.gp — written by analyze report; run `gnuplot ours-history-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 630
2 15 0 1200
3 20 5 1200
4 25 4.5 1200
5 30 6 1200
6 35 31 1200
7 40 55 1200
8 45 74.1667 1100
9 50 86.2857 1100
10 55 105.625 580
11 60 127.667 9
12 65 153 7
13 68 191.4 6
14 75 223.7 6
15 80 250.4 6
16 85 270.9 5
17 90 291.6 5
18 95 314.9 5
19 100 330.5 5
20 100 342.1 5
21 100 343.9 5
22 100 328.5 5
23 100 316.1 5
24 100 312.2 5
25 100 311.5 5
26 100 300.7 5
27 100 290.3 5
28 100 285.6 5
29 100 283.3 5
30 100 279.5 5
31 100 277.1 5
32 100 286 5
33 100 287.8 5
34 100 284.1 5
35 100 279.9 5
36 100 283.3 5
37 100 288.2 5
38 100 278.3 5
39 100 283 5
40 100 278.8 5
41 100 274.8 5
42 100 271.2 5
43 100 273.7 5
44 100 276.8 5
45 100 279.2 5
46 100 289.1 5
47 100 288.9 5
48 100 298.1 5
49 100 295.9 5
50 100 299 5
51 100 306.2 5
52 100 313.9 5
53 100 311.8 5
54 100 324.3 5
55 100 334.7 5
56 100 329.3 5
57 100 329.3 5
58 100 323.1 5
59 100 325.1 5
60 100 328 5
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
