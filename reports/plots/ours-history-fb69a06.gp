# ours-history-fb69a06.gp — written by analyze report; run `gnuplot ours-history-fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 0 0 0
1 10 0 600
2 15 0 1200
3 17 5 1200
4 25 4.5 1300
5 30 5.66667 1400
6 35 22.5 1400
7 40 37 1400
8 45 56.5 1600
9 50 78.2857 1500
10 52 84.5 1400
11 60 97.2222 1200
12 65 119 650
13 70 154 550
14 75 198.7 13
15 80 227.1 9
16 85 246.1 9
17 90 273.8 8
18 95 306.4 8
19 100 330.6 8
20 100 350.6 9
21 100 357.9 9
22 100 349.1 8
23 100 335.3 8
24 100 319.5 8
25 100 321.9 8
26 100 318 8
27 100 300.7 8
28 100 272.3 8
29 100 249.3 8
30 100 241.3 8
31 100 239.9 8
32 100 250.4 8
33 100 260 8
34 100 256.3 9
35 100 249.2 9
36 100 248.8 9
37 100 244.3 9
38 100 241.5 9
39 100 235.4 9
40 100 230.3 10
41 100 219 10
42 100 203.6 10
43 100 194.8 10
44 100 190.2 11
45 100 183.2 11
46 100 173.8 10
47 100 184.8 10
48 100 199.5 10
49 100 217.3 10
50 100 234.6 10
51 100 262.4 10
52 100 279.3 10
53 100 292 9
54 100 309 9
55 100 327.5 9
56 100 343.7 9
57 100 353.2 9
58 100 348.3 9
59 100 350.4 9
60 100 338.7 9
60 100 338.7 9
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
