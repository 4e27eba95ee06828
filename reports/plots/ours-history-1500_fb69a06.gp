# ours-history-1500_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 27 0 0
2 45 0 1400
3 60 0 2600
4 75 3 3900
5 90 4 3900
6 105 4 4500
7 120 3.6 5600
8 135 3.6 6200
9 150 3.6 6200
10 165 3.75 8500
11 180 3.33333 9200
12 195 3.33333 9500
13 210 3.3 9700
14 225 3.5 11000
15 240 3.4 12000
16 255 3.5 13000
17 270 3.5 14000
18 285 2.7 15000
19 300 2.7 15000
20 300 2.7 16000
21 300 2.9 16000
22 300 3.7 18000
23 300 3.7 18000
24 300 3.7 19000
25 300 3.6 20000
26 300 3.6 20000
27 300 3.6 21000
28 300 3.6 22000
29 300 4 23000
30 300 3.9 24000
31 300 3.9 24000
32 300 3.5 25000
33 300 3.7 26000
34 300 3.5 27000
35 300 3.6 28000
36 300 3.5 28000
37 300 3.5 29000
38 300 3.5 29000
39 300 3.4 30000
40 300 3.1 32000
41 300 3.1 33000
42 300 3.4 34000
43 300 3.9 34000
44 300 4.6 34000
45 300 5.1 35000
46 300 5.4 35000
47 300 5.5 36000
48 300 6.5 36000
49 300 14 35000
50 300 33.1 35000
51 300 60.8 35000
52 300 77 36000
53 300 81 36000
54 300 82.1 35000
55 300 88.9 35000
56 300 105.4 35000
57 300 124 34000
58 300 141.9 34000
59 300 150.6 34000
60 300 144.7 34000
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_fb69a06.png'
set multiplot layout 3,1 title "1500_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_fb69a06.svg'
set multiplot layout 3,1 title "1500_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
