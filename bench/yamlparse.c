/* The floor of the benchmark (bench/run.sh): parse every named file, or every *.yaml / *.yml
 * below a named folder, with libyaml's event API, touching every event, and do nothing else. */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

static long events, scalars, files, failures;

static void parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); failures++; return; }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc(size > 0 ? size : 1);
    if (fread(buf, 1, size, f) != (size_t)size) { perror(path); failures++; }
    fclose(f);
    yaml_parser_t parser;
    yaml_event_t event;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, buf, size);
    for (;;) {
        if (!yaml_parser_parse(&parser, &event)) { fprintf(stderr, "%s: %s\n", path, parser.problem); failures++; break; }
        int type = event.type;
        events++;
        if (type == YAML_SCALAR_EVENT) scalars += event.data.scalar.length > 0;
        yaml_event_delete(&event);
        if (type == YAML_STREAM_END_EVENT) break;
    }
    yaml_parser_delete(&parser);
    free(buf);
    files++;
}

static int has_suffix(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int compare(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk(const char *path) {
    struct stat st;
    if (stat(path, &st) != 0) { perror(path); failures++; return; }
    if (!S_ISDIR(st.st_mode)) { parse_file(path); return; }
    DIR *dir = opendir(path);
    if (!dir) { perror(path); failures++; return; }
    char **names = NULL;
    size_t count = 0, capacity = 0;
    struct dirent *entry;
    while ((entry = readdir(dir))) {
        if (entry->d_name[0] == '.') continue;
        if (count == capacity) { capacity = capacity ? 2 * capacity : 64; names = realloc(names, capacity * sizeof *names); }
        if (asprintf(&names[count], "%s/%s", path, entry->d_name) < 0) exit(2);
        count++;
    }
    closedir(dir);
    qsort(names, count, sizeof *names, compare);
    for (size_t i = 0; i < count; i++) {
        struct stat child;
        if (stat(names[i], &child) == 0 && S_ISDIR(child.st_mode)) walk(names[i]);
        else if (has_suffix(names[i], ".yaml") || has_suffix(names[i], ".yml")) parse_file(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) walk(argv[i]);
    printf("%ld files, %ld events, %ld non-empty scalars\n", files, events, scalars);
    return failures ? 1 : 0;
}
