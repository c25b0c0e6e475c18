package graph

// editDistance returns the optimal-string-alignment (restricted
// Damerau–Levenshtein) distance between a and b, where a whole prefix of b
// may be matched (b is a candidate prefix: trailing characters of b cost
// nothing once a is consumed), or limit+1 as soon as it must exceed limit.
// It works on bytes: callers pass folded strings.
func editDistance(a, b string, limit int) int {
	n, m := len(a), len(b)
	if n-m > limit {
		return limit + 1
	}
	// Three rows of the DP matrix suffice for transpositions; short names
	// (the usual case) keep them on the stack.
	var stack [3 * 48]int
	rows := stack[:]
	if 3*(m+1) > len(rows) {
		rows = make([]int, 3*(m+1))
	}
	prev2, prev, cur := rows[:m+1], rows[m+1:2*(m+1)], rows[2*(m+1):3*(m+1)]
	for j := 0; j <= m; j++ {
		prev[j] = j
	}
	for i := 1; i <= n; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= m; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	// a is consumed: the best alignment may stop anywhere in b.
	best := prev[0]
	for j := 1; j <= m; j++ {
		best = min(best, prev[j])
	}
	return best
}
