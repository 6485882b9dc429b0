/* baseline-parse.c - the floor of reading a workspace: find the files the
 * index reads (DIALOGUE/dialogue.yaml, DIALOGUE/people.yaml,
 * DIALOGUE/harvest/SOURCE.yaml), read each and run libyaml's parser over
 * it, throwing the events away.
 *
 *   baseline-parse WORKSPACE
 *
 * Prints the number of files, bytes and events.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

struct count {
	size_t files, bytes, events;
};

static int parse_file(const char *path, struct count *c)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct stat st;
	char *buf;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC), done = 0, r = -1;

	if (fd < 0)
		return 0;		/* not there: nothing to read */
	if (fstat(fd, &st) < 0 || !(buf = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return -1;
	}
	got = read(fd, buf, (size_t)st.st_size);
	close(fd);
	if (got != st.st_size) {
		free(buf);
		return -1;
	}
	if (!yaml_parser_initialize(&p)) {
		free(buf);
		return -1;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, (size_t)got);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "baseline-parse: %s: %s\n", path,
				p.problem ? p.problem : "error");
			goto out;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		c->events++;
	}
	c->files++;
	c->bytes += (size_t)got;
	r = 0;
out:
	yaml_parser_delete(&p);
	free(buf);
	return r;
}

static int is_yaml(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && !strcmp(name + n - 5, ".yaml");
}

static int walk_dialogue(const char *root, const char *id, struct count *c)
{
	char path[4096];
	struct dirent *e;
	DIR *d;
	int r = 0;

	snprintf(path, sizeof(path), "%s/%s/dialogue.yaml", root, id);
	if (access(path, F_OK) < 0)
		return 0;
	if (parse_file(path, c) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%s/people.yaml", root, id);
	if (parse_file(path, c) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/%s/harvest", root, id);
	d = opendir(path);
	if (!d)
		return 0;
	while (r == 0 && (e = readdir(d))) {
		if (!is_yaml(e->d_name))
			continue;
		snprintf(path, sizeof(path), "%s/%s/harvest/%s", root, id,
			 e->d_name);
		r = parse_file(path, c);
	}
	closedir(d);
	return r;
}

int main(int argc, char **argv)
{
	struct count c = { 0, 0, 0 };
	struct dirent *e;
	DIR *d;

	if (argc != 2) {
		fprintf(stderr, "usage: baseline-parse WORKSPACE\n");
		return 64;
	}
	d = opendir(argv[1]);
	if (!d) {
		perror(argv[1]);
		return 66;
	}
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		if (walk_dialogue(argv[1], e->d_name, &c) < 0) {
			closedir(d);
			return 65;
		}
	}
	closedir(d);
	printf("%zu files, %zu bytes, %zu events\n", c.files, c.bytes, c.events);
	return 0;
}
