/*
 * measure: the stopwatch of folio's benchmarks, so run.sh needs no GNU time.
 *
 *   measure run RUNS CMD [ARG...]
 *       run CMD RUNS times (stdout to /dev/null) and print p50_ms, p95_ms,
 *       max_ms, cpu_ms (user + system time of one run, on average),
 *       peak_rss_kb (the largest ru_maxrss of any run) and status (the worst
 *       exit status; a signal counts as 128 + its number).
 *
 *   measure watch FILE QUIET_MS TIMEOUT_MS CMD [ARG...]
 *       note FILE's size, run CMD (a `tmux send-keys`, say), then poll FILE
 *       until it has stopped growing for QUIET_MS after it last grew (or
 *       TIMEOUT_MS passed).  Prints bytes (what FILE grew by) and ms (from
 *       just before CMD to the last growth).  FILE is a pipe-pane copy of
 *       what a program wrote to its terminal, so this is both the bytes a
 *       keystroke costs and how long the program took to finish drawing.
 *
 * Times are wall-clock (CLOCK_MONOTONIC): the user waits for the wall.
 * CPU time is printed beside it because a shared machine stretches the
 * wall of everything that runs while it is busy, and CPU time much less.
 */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Run argv once; *status as a shell reports it, *rss_kb from wait4(). */
static int run_once(char **argv, int quiet, int *status, long *rss_kb, double *cpu_ms)
{
	pid_t pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return -1;
	}
	if (pid == 0) {
		if (quiet) {
			int fd = open("/dev/null", O_WRONLY);
			if (fd >= 0) {
				dup2(fd, 1);
				close(fd);
			}
		}
		execvp(argv[0], argv);
		fprintf(stderr, "measure: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int ws;
	struct rusage ru;
	while (wait4(pid, &ws, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("measure: wait4");
			return -1;
		}
	}
	*status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	*rss_kb = ru.ru_maxrss;
	*cpu_ms = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	          (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static int cmd_run(int runs, char **argv)
{
	double *ms = malloc(sizeof *ms * (size_t)runs);
	if (!ms) {
		fputs("measure: out of memory\n", stderr);
		return 1;
	}
	long peak = 0;
	int worst = 0;
	double cpu_total = 0;
	for (int i = 0; i < runs; i++) {
		int status;
		long rss;
		double cpu, t = now_ms();
		if (run_once(argv, 1, &status, &rss, &cpu) != 0) {
			free(ms);
			return 1;
		}
		ms[i] = now_ms() - t;
		cpu_total += cpu;
		if (rss > peak)
			peak = rss;
		if (status > worst)
			worst = status;
	}
	qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
	printf("p50_ms %.2f\np95_ms %.2f\nmax_ms %.2f\ncpu_ms %.2f\npeak_rss_kb %ld\nstatus %d\n",
	       ms[runs / 2], ms[(runs * 95 + 99) / 100 - 1], ms[runs - 1], cpu_total / runs, peak,
	       worst);
	free(ms);
	return 0;
}

static long long file_size(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

static int cmd_watch(const char *file, double quiet_ms, double timeout_ms, char **argv)
{
	long long start_size = file_size(file), size = start_size;
	double start = now_ms(), last = start;
	int status;
	long rss;
	double cpu;
	if (run_once(argv, 0, &status, &rss, &cpu) != 0)
		return 1;
	if (status != 0) {
		fprintf(stderr, "measure: %s exited with %d\n", argv[0], status);
		return 1;
	}
	for (;;) {
		double t = now_ms();
		long long s = file_size(file);
		if (s != size) {
			size = s;
			last = t;
		}
		if ((size != start_size && t - last >= quiet_ms) || t - start >= timeout_ms)
			break;
		usleep(200);
	}
	printf("bytes %lld\nms %.2f\n", size - start_size, last - start);
	return 0;
}

static int usage(void)
{
	fputs("usage: measure run RUNS CMD [ARG...]\n"
	      "       measure watch FILE QUIET_MS TIMEOUT_MS CMD [ARG...]\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "run") == 0) {
		int runs = atoi(argv[2]);
		return runs > 0 ? cmd_run(runs, argv + 3) : usage();
	}
	if (argc >= 6 && strcmp(argv[1], "watch") == 0) {
		double quiet = atof(argv[3]), timeout = atof(argv[4]);
		return quiet > 0 && timeout > 0 ? cmd_watch(argv[2], quiet, timeout, argv + 5) : usage();
	}
	return usage();
}
