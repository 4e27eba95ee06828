# ours-history-1500_notracing_fb69a06.gp — written by analyze report; run `gnuplot ours-history-1500_notracing_fb69a06.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 15 0 0
1 30 0 880
2 45 0 2000
3 60 1 2300
4 75 6.5 2900
5 82 6.5 3500
6 97 6 4400
7 113 7.2 4700
8 128 7.2 5000
9 142 6.57143 5700
10 158 7.125 5700
11 172 9.22222 5700
12 195 21.6 5600
13 202 44 5600
14 225 56.8 5500
15 240 69.9 5700
16 255 88.2 5700
17 270 95.6 5700
18 278 102.5 5500
19 300 125 5500
20 300 151.4 4900
21 300 171.1 5000
22 300 179.8 5000
23 300 173.8 5500
24 300 168.2 5500
25 300 170.8 5700
26 300 156 5500
27 300 156.3 4900
28 300 180.8 4500
29 300 185.9 4300
30 300 188.9 4300
31 300 197.8 3600
32 300 200.1 4300
33 300 204.3 3500
34 300 215.1 3500
35 300 221.9 2900
36 300 237.1 2800
37 300 254.7 2500
38 300 242.4 2300
39 300 230.8 2200
40 300 219.4 2000
41 300 219.4 2000
42 300 190.8 1900
43 300 188.9 1300
44 300 187.7 1300
45 300 181.1 1300
46 300 173.8 710
47 300 173.8 710
48 300 161.7 1200
49 300 156.4 700
50 300 150.9 600
51 300 158.4 690
52 300 167.2 24
53 300 171.4 28
54 300 168.4 25
55 300 165.8 28
56 300 166.2 26
57 300 157.3 25
58 300 157.3 24
59 300 153.2 24
60 300 154 28
60 300 154 28
EOD
set xlabel 's since start'
set grid
unset key
set terminal pngcairo noenhanced size 1000,560
set output 'ours-history-1500_notracing_fb69a06.png'
set multiplot layout 3,1 title "1500_notracing_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set terminal svg noenhanced size 1000,560
set output 'ours-history-1500_notracing_fb69a06.svg'
set multiplot layout 3,1 title "1500_notracing_fb69a06: users, RPS and p95 over time"
set ylabel 'users'
plot $data using 1:2 with lines lw 2
set ylabel 'RPS'
plot $data using 1:3 with lines lw 2
set ylabel 'p95 (ms)'
plot $data using 1:4 with lines lw 2
unset multiplot
set output
