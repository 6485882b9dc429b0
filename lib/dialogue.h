/* dialogue.h - one dialogue: its dialogue.yaml, creating it, the relay */
#ifndef WD_DIALOGUE_H
#define WD_DIALOGUE_H

#include "field.h"
#include "timefmt.h"
#include "ws.h"

#define WD_PHASES 4

struct wd_dialogue {
	struct wd_ydoc doc;
	char *id;
	const char *title, *theme, *question, *place, *venue;
	const char *status;		/* planned, held, closed, cancelled */
	const char *lang;		/* the dialogue's, else the workspace's */
	struct wd_when start, end;
	int has_start, has_end;
	long capacity;			/* 0: no limit */
	long tables;
	struct wd_strlist hosts, initiators;
	const char *relay_from, *baton;
	struct wd_strlist relay_to;
	struct wd_strlist questions[WD_PHASES];
};

void wd_dialogue_init(struct wd_dialogue *dl);
void wd_dialogue_release(struct wd_dialogue *dl);

/* Read <id>/dialogue.yaml; problems go to diag (load fails when any). */
int wd_dialogue_load(struct wd_dialogue *dl, const struct wd_ws *ws,
		     const char *id, struct wd_diag *diag);

/* Fill the record from an already parsed document. */
void wd_dialogue_read(struct wd_dialogue *dl, const struct wd_ws *ws,
		      struct wd_diag *diag);

/* The end time: `end`, or two hours after the start. */
int64_t wd_dialogue_end(const struct wd_dialogue *dl);

/* Where it is, as an invitation says it: the venue and the place (the
 * place left out when the venue names it); appended to b. */
int wd_dialogue_where(const struct wd_dialogue *dl, struct wd_buf *b);

/* A new dialogue, as wd-init makes it. */
struct wd_dialogue_new {
	const char *id;
	const char *title, *theme, *question, *place, *venue;
	const char *start, *end, *duration;
	const char *from;		/* previous dialogue of the relay */
	const char *lang;
	long capacity;
	const char *const *hosts;
	size_t nhosts;
	int dry_run;
};

/*
 * Create the dialogue folder and its dialogue.yaml with the question set
 * for the four phases, and, with `from`, record the relay on both
 * dialogues.  Takes the workspace lock.  `out` receives the new file's
 * text (also on a dry run).
 */
int wd_dialogue_create(struct wd_ws *ws, const struct wd_dialogue_new *nd,
		       struct wd_buf *out, struct wd_error *err);

/* Record in `from`'s dialogue.yaml that the relay went on to `to`. */
int wd_dialogue_relay_to(struct wd_ws *ws, const char *from, const char *to,
			 struct wd_error *err);

/* Suggested themes: lines "name\tdescription" in a language. */
int wd_themes(const struct wd_ws *ws, const char *share, const char *lang,
	      struct wd_buf *out, struct wd_error *err);

#endif
