/* igraph's C core on the same sampled betweenness `linkscope analyze
 * --measure betweenness --samples K` computes: shortest paths from K
 * sources chosen at random (seed 1) to every entity, on the undirected
 * simple graph, with igraph_betweenness_subset (igraph >= 0.10;
 * python-igraph 0.10.2 has no sources= argument to reach it).
 *
 *   cc -O2 -o igraph_betweenness_subset bench/igraph_betweenness_subset.c $(pkg-config --cflags --libs igraph)
 *   ./igraph_betweenness_subset EDGES.txt K
 *
 * EDGES.txt: the number of entities on the first line, then one "u v" pair
 * of 0-based indices per line (bench/igraph_analysis.py writes it). Prints
 * one JSON line {"ms": computation only, "cpu_ms", "sources", "top"}. */
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_ms(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s EDGES.txt K\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    long n, k = atol(argv[2]);
    if (fscanf(f, "%ld", &n) != 1 || n <= 0) {
        fprintf(stderr, "%s: no entity count on the first line\n", argv[1]);
        return 1;
    }
    igraph_vector_int_t edges;
    igraph_vector_int_init(&edges, 0);
    long u, v;
    while (fscanf(f, "%ld %ld", &u, &v) == 2) {
        igraph_vector_int_push_back(&edges, u);
        igraph_vector_int_push_back(&edges, v);
    }
    fclose(f);
    igraph_t g;
    igraph_create(&g, &edges, n, IGRAPH_UNDIRECTED);
    igraph_simplify(&g, 1, 1, NULL);
    if (k > n) k = n;
    /* K distinct sources, a partial Fisher-Yates shuffle (seed 1) */
    long *perm = malloc(n * sizeof *perm);
    for (long i = 0; i < n; i++) perm[i] = i;
    srand(1);
    igraph_vector_int_t src;
    igraph_vector_int_init(&src, k);
    for (long i = 0; i < k; i++) {
        long j = i + (long)((double)rand() / ((double)RAND_MAX + 1) * (n - i));
        long t = perm[i]; perm[i] = perm[j]; perm[j] = t;
        VECTOR(src)[i] = perm[i];
    }
    igraph_vector_t res;
    igraph_vector_init(&res, 0);
    double t0 = now_ms(CLOCK_MONOTONIC), c0 = now_ms(CLOCK_PROCESS_CPUTIME_ID);
    igraph_betweenness_subset(&g, &res, igraph_vss_all(), IGRAPH_UNDIRECTED,
                              igraph_vss_vector(&src), igraph_vss_all(), NULL);
    double ms = now_ms(CLOCK_MONOTONIC) - t0, cpu = now_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    long top = igraph_vector_which_max(&res);
    printf("{\"measure\": \"betweenness\", \"peer\": \"igraph C %s\", \"ms\": %.1f, \"cpu_ms\": %.1f, \"sources\": %ld, \"top\": %ld}\n",
           IGRAPH_VERSION, ms, cpu, k, top);
    return 0;
}
