/*
 * cpm.c — the C reference for Jiaofu's critical path engine, written to the semantics of
 * shared/scheduling/README.md: CSR adjacency, Kahn's topological order fused with the forward pass, backward pass
 * in reverse topological order, one summary sweep. Used by packages/engine/bench/run.ts to put the TypeScript
 * engine's numbers next to a tight native implementation on the same machine and the same files.
 *
 *   gcc -O2 -o /tmp/jiaofu-cpm cpm.c && /tmp/jiaofu-cpm FILE.json [REPEAT] [--lifo]
 *
 * By default released tasks wait in a FIFO queue, the textbook Kahn's algorithm, whose timings match the README's
 * C figures; --lifo takes them from a stack instead, the release order the TypeScript engine uses for locality, so
 * that the engine can also be compared with C doing exactly the same work.
 *
 * Prints the same summary line as `jiaofu schedule`:
 *   N=.. M=.. finish=.. critical=.. checksum=.. compute_ms=<median of REPEAT> first_ms=<first run>
 * Parsing is not timed; every timed run rebuilds the CSR from the parsed arrays. The JSON reader only understands
 * the interchange format (objects with the known keys, integer values, type strings); it is a benchmark tool, not a
 * validator, and exits 1 on anything else and 2 on a cycle.
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { FS = 0, SS = 1, FF = 2, SF = 3 };

static void die(const char *msg) {
  fprintf(stderr, "cpm: %s\n", msg);
  exit(1);
}

static void *xmalloc(size_t bytes) {
  void *p = malloc(bytes ? bytes : 1);
  if (!p) die("out of memory");
  return p;
}

/* ---- a reader for the interchange format ------------------------------------------------------------------- */

static const char *cur, *end;

static void skip_ws(void) {
  while (cur < end && (*cur == ' ' || *cur == '\n' || *cur == '\r' || *cur == '\t')) cur++;
}

static void expect(char c) {
  skip_ws();
  if (cur >= end || *cur != c) die("unexpected input");
  cur++;
}

static int peek(char c) {
  skip_ws();
  return cur < end && *cur == c;
}

/* Reads a string into buf (no escapes in this format). */
static void read_string(char *buf, size_t cap) {
  expect('"');
  size_t k = 0;
  while (cur < end && *cur != '"') {
    if (k + 1 < cap) buf[k++] = *cur;
    cur++;
  }
  buf[k] = 0;
  expect('"');
}

static long long read_int(void) {
  skip_ws();
  int neg = 0;
  if (cur < end && *cur == '-') { neg = 1; cur++; }
  if (cur >= end || *cur < '0' || *cur > '9') die("expected an integer");
  long long v = 0;
  while (cur < end && *cur >= '0' && *cur <= '9') v = v * 10 + (*cur++ - '0');
  return neg ? -v : v;
}

typedef struct {
  int32_t n, m;
  int32_t *dur;                      /* by task id */
  int32_t *from, *to, *lag;
  uint8_t *type;
} Input;

static void read_input(const char *path, Input *in) {
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open input");
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *text = xmalloc((size_t)size);
  if (fread(text, 1, (size_t)size, f) != (size_t)size) die("cannot read input");
  fclose(f);
  cur = text;
  end = text + size;

  size_t tcap = 1024, lcap = 1024, nt = 0, nl = 0;
  int32_t *tid = xmalloc(tcap * 4), *tdur = xmalloc(tcap * 4);
  in->from = xmalloc(lcap * 4); in->to = xmalloc(lcap * 4); in->lag = xmalloc(lcap * 4); in->type = xmalloc(lcap);
  char key[32], val[8];

  expect('{');
  while (!peek('}')) {
    read_string(key, sizeof key);
    expect(':');
    int tasks = strcmp(key, "tasks") == 0;
    if (!tasks && strcmp(key, "links") != 0) die("unknown key");
    expect('[');
    while (!peek(']')) {
      long long id = -1, duration = -1, from = -1, to = -1, lag = 0;
      int type = -1;
      expect('{');
      while (!peek('}')) {
        read_string(key, sizeof key);
        expect(':');
        if (strcmp(key, "type") == 0) {
          read_string(val, sizeof val);
          type = !strcmp(val, "FS") ? FS : !strcmp(val, "SS") ? SS : !strcmp(val, "FF") ? FF : !strcmp(val, "SF") ? SF : -1;
        } else {
          long long v = read_int();
          if (!strcmp(key, "id")) id = v;
          else if (!strcmp(key, "duration")) duration = v;
          else if (!strcmp(key, "from")) from = v;
          else if (!strcmp(key, "to")) to = v;
          else if (!strcmp(key, "lag")) lag = v;
        }
        if (peek(',')) cur++;
      }
      expect('}');
      if (tasks) {
        if (nt == tcap) { tcap *= 2; tid = realloc(tid, tcap * 4); tdur = realloc(tdur, tcap * 4); if (!tid || !tdur) die("out of memory"); }
        if (duration < 0) die("bad duration");
        tid[nt] = (int32_t)id; tdur[nt] = (int32_t)duration; nt++;
      } else {
        if (nl == lcap) {
          lcap *= 2;
          in->from = realloc(in->from, lcap * 4); in->to = realloc(in->to, lcap * 4);
          in->lag = realloc(in->lag, lcap * 4); in->type = realloc(in->type, lcap);
          if (!in->from || !in->to || !in->lag || !in->type) die("out of memory");
        }
        if (type < 0) die("bad link type");
        in->from[nl] = (int32_t)from; in->to[nl] = (int32_t)to; in->lag[nl] = (int32_t)lag; in->type[nl] = (uint8_t)type; nl++;
      }
      if (peek(',')) cur++;
    }
    expect(']');
    if (peek(',')) cur++;
  }
  free(text);

  in->n = (int32_t)nt;
  in->m = (int32_t)nl;
  in->dur = xmalloc(nt * 4);
  uint8_t *seen = calloc(nt ? nt : 1, 1);
  for (size_t i = 0; i < nt; i++) {
    if (tid[i] < 0 || (size_t)tid[i] >= nt || seen[tid[i]]) die("missing or duplicate id");
    seen[tid[i]] = 1;
    in->dur[tid[i]] = tdur[i];
  }
  for (size_t e = 0; e < nl; e++) {
    if (in->from[e] < 0 || in->from[e] >= in->n || in->to[e] < 0 || in->to[e] >= in->n) die("unknown task in link");
    if (in->from[e] == in->to[e]) die("self-link");
  }
  free(seen); free(tid); free(tdur);
}

/* ---- the computation ---------------------------------------------------------------------------------------- */

typedef struct {
  int32_t *out_start, *cursor, *indeg, *adj_to, *adj_off, *order, *stack;
  int32_t *es, *ef, *ls, *lf, *tf;
} Work;

static int lifo = 0;

typedef struct {
  int32_t finish, critical, ok;
  uint32_t checksum;
} Summary;

/*
 * Every link is one inequality between starts: ES(s) >= ES(p) + off with
 * off = lag + d(p)*[FS or FF] - d(s)*[FF or SF]; the backward pass reads it the other way: LS(p) <= LS(s) - off.
 */
static Summary compute(const Input *in, Work *w) {
  const int32_t n = in->n, m = in->m;
  const int32_t *dur = in->dur;
  Summary r = {0, 0, 1, 0};

  memset(w->out_start, 0, (size_t)(n + 1) * 4);
  memset(w->indeg, 0, (size_t)n * 4);
  for (int32_t e = 0; e < m; e++) {
    w->out_start[in->from[e] + 1]++;
    w->indeg[in->to[e]]++;
  }
  for (int32_t i = 0; i < n; i++) w->out_start[i + 1] += w->out_start[i];
  memcpy(w->cursor, w->out_start, (size_t)n * 4);
  for (int32_t e = 0; e < m; e++) {
    int32_t p = in->from[e], s = in->to[e], t = in->type[e];
    int32_t off = in->lag[e];
    if (t == FS || t == FF) off += dur[p];
    if (t == FF || t == SF) off -= dur[s];
    int32_t k = w->cursor[p]++;
    w->adj_to[k] = s;
    w->adj_off[k] = off;
  }

  /* Kahn's order fused with the forward pass. */
  int32_t head = 0, tail = 0, finish = 0;
  if (!lifo) {
    for (int32_t i = 0; i < n; i++) {
      w->es[i] = 0;
      if (w->indeg[i] == 0) w->order[tail++] = i;
    }
    while (head < tail) {
      int32_t u = w->order[head++];
      int32_t es = w->es[u];
      int32_t ef = es + dur[u];
      w->ef[u] = ef;
      if (ef > finish) finish = ef;
      for (int32_t k = w->out_start[u], k1 = w->out_start[u + 1]; k < k1; k++) {
        int32_t s = w->adj_to[k];
        int32_t b = es + w->adj_off[k];
        if (b > w->es[s]) w->es[s] = b;
        if (--w->indeg[s] == 0) w->order[tail++] = s;
      }
    }
  } else {
    int32_t top = 0;
    for (int32_t i = n - 1; i >= 0; i--) {
      w->es[i] = 0;
      if (w->indeg[i] == 0) w->stack[top++] = i;
    }
    while (top > 0) {
      int32_t u = w->stack[--top];
      w->order[tail++] = u;
      int32_t es = w->es[u];
      int32_t ef = es + dur[u];
      w->ef[u] = ef;
      if (ef > finish) finish = ef;
      for (int32_t k = w->out_start[u], k1 = w->out_start[u + 1]; k < k1; k++) {
        int32_t s = w->adj_to[k];
        int32_t b = es + w->adj_off[k];
        if (b > w->es[s]) w->es[s] = b;
        if (--w->indeg[s] == 0) w->stack[top++] = s;
      }
    }
  }
  if (tail < n) { r.ok = 0; return r; }

  /* Backward pass in reverse order, with the summary. */
  uint64_t sum = 0;
  int32_t critical = 0;
  for (int32_t j = n - 1; j >= 0; j--) {
    int32_t p = w->order[j];
    int32_t ls = finish - dur[p];
    for (int32_t k = w->out_start[p], k1 = w->out_start[p + 1]; k < k1; k++) {
      int32_t b = w->ls[w->adj_to[k]] - w->adj_off[k];
      if (b < ls) ls = b;
    }
    w->ls[p] = ls;
    w->lf[p] = ls + dur[p];
    int32_t tf = ls - w->es[p];
    w->tf[p] = tf;
    critical += tf == 0;
    sum += (uint64_t)(int64_t)w->es[p] + (uint64_t)(int64_t)ls;
  }
  r.finish = finish;
  r.critical = critical;
  r.checksum = (uint32_t)sum;
  return r;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: cpm FILE.json [REPEAT] [--lifo]\n");
    return 1;
  }
  int repeat = argc > 2 ? atoi(argv[2]) : 5;
  lifo = argc > 3 && strcmp(argv[3], "--lifo") == 0;
  if (repeat < 1) repeat = 1;
  Input in;
  read_input(argv[1], &in);
  size_t n = (size_t)in.n, m = (size_t)in.m;
  Work w = {
    xmalloc((n + 1) * 4), xmalloc((n + 1) * 4), xmalloc(n * 4), xmalloc(m * 4), xmalloc(m * 4), xmalloc(n * 4), xmalloc(n * 4),
    xmalloc(n * 4), xmalloc(n * 4), xmalloc(n * 4), xmalloc(n * 4), xmalloc(n * 4),
  };
  double *times = xmalloc((size_t)repeat * sizeof(double));
  Summary r = {0, 0, 1, 0};
  for (int i = 0; i < repeat; i++) {
    double t0 = now_ms();
    r = compute(&in, &w);
    times[i] = now_ms() - t0;
    if (!r.ok) {
      fprintf(stderr, "cpm: dependency cycle\n");
      return 2;
    }
  }
  double first = times[0];
  qsort(times, (size_t)repeat, sizeof(double), cmp_double);
  double median = repeat % 2 ? times[repeat / 2] : (times[repeat / 2 - 1] + times[repeat / 2]) / 2;
  printf("N=%d M=%d finish=%d critical=%d checksum=%u compute_ms=%.3f first_ms=%.3f\n", in.n, in.m, r.finish,
         r.critical, r.checksum, median, first);
  return 0;
}
