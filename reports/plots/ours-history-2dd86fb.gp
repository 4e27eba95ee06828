# ours-history-2dd86fb.gp — written by analyze report; run `gnuplot ours-history-2dd86fb.gp` in this folder.
set encoding utf8
set termoption noenhanced
$data << EOD
0 5 0 0
1 10 0 620
2 15 0 1200
3 20 0 1300
4 25 2.5 1200
5 30 3.66667 1200
6 35 12.25 1200
7 40 36.6 1200
8 45 56.1667 970
9 50 81.5714 550
10 55 105.25 8
11 60 132.222 9
12 65 152.9 8
13 70 193.3 8
14 75 223.7 8
15 80 251.8 8
16 85 276.9 8
17 90 297.8 8
18 95 323.3 8
19 100 331.2 7
20 100 332.5 7
21 100 340.6 5
22 100 383.9 5
23 100 453.6 5
24 100 564.5 5
25 95 703.7 5
26 90 872.7 4
27 85 1061.5 4
28 85 1280.8 4
29 85 1526.8 4
30 85 1773 4
31 85 2006.7 3
32 85 2204.3 3
33 85 2371.1 3
34 85 2502 3
35 85 2609.6 3
36 85 2687 2
37 85 2739.3 2
38 85 2755 2
39 85 2759.9 2
40 85 2759.9 2
41 85 2757.5 2
42 85 2758 2
43 85 2754.5 2
44 85 2758.5 2
45 85 2760.8 2
46 85 2764.5 1
47 85 2767.8 1
48 85 2768.3 1
49 85 2763 1
50 85 2761.5 1
51 85 2763 1
52 85 2764.2 1
53 85 2767 1
54 85 2768.9 1
55 85 2764.9 1
56 85 2761.9 1
57 85 2760.8 1
58 85 2761.9 1
59 85 2762.2 1
60 85 2765.8 1
60 85 2765.8 1
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
