/*
 * ui_tag.c: t, the tag prompt: a UI_PANE_LINE view, like the pipe prompt.
 *
 * "Tag: " on the bottom line, with the article's tags after it to say what
 * it has; Enter gives the article the word typed, "-word" takes it away.
 * The tag goes through the text gate as every string does, and a tag is
 * one word (tag:NAME finds it), so spaces are refused.
 */
#include "folio/folio.h"

#include "ui_internal.h"

#include "folio/text.h"

static int tag_open(struct ui *ui, struct ui_view *v, const struct ui_view_arg *arg)
{
	(void)arg;
	int64_t id;
	if (!ui_view_target(ui, &id, NULL, NULL)) {
		ui_message(ui, "No article selected");
		return -1;
	}
	struct ui_prompt *p = ui_prompt_open(ui, v, "Tag: ");
	if (!p)
		return -1;
	p->id = id;
	struct folio_tag_row *tags = NULL;
	size_t n = 0;
	char *err = NULL;
	if (folio_store_tags_of(ui->st, id, &tags, &n, &err) == 0 && n > 0) {
		size_t at = (size_t)snprintf(p->prefix, sizeof p->prefix, "Tag (has ");
		for (size_t i = 0; i < n && at < sizeof p->prefix; i++)
			at += (size_t)snprintf(p->prefix + at, sizeof p->prefix - at, "%s%s",
			                       i ? " " : "", tags[i].name);
		if (at < sizeof p->prefix)
			snprintf(p->prefix + at, sizeof p->prefix - at, "; -NAME removes): ");
	}
	free(err);
	folio_store_tags_free(tags, n);
	return 0;
}

/* Give (or with a leading '-' take away) the tag typed. */
static void apply(struct ui *ui, int64_t id, const char *typed)
{
	bool remove = typed[0] == '-';
	const char *word = typed + remove;
	char *name = folio_text_clean(word, strlen(word), false, NULL);
	int64_t changed = 0;
	char *err = NULL;
	if (!name) {
		ui_message(ui, "out of memory");
		return;
	}
	if (!*name || strchr(name, ' ')) {
		ui_message(ui, "A tag is one word");
	} else if (folio_store_tag(ui->st, &id, 1, name, !remove, &changed, &err) != 0) {
		ui_store_error(ui, err);
	} else {
		ui_message(ui, remove ? (changed ? "Tag %s removed" : "It had no tag %s")
		                      : (changed ? "Tagged %s (tag:%s finds it)" : "Already tagged %s"),
		           name, name);
		ui_view_reload(ui, false);
	}
	free(name);
}

static bool tag_action(struct ui *ui, struct ui_view *v, enum folio_action a)
{
	struct ui_prompt *p = v->data;
	int64_t id = p->id;
	char *typed;
	if (ui_prompt_action(ui, v, a, NULL, &typed) && typed && *typed)
		apply(ui, id, typed);
	free(typed);
	return true;
}

const struct ui_view_ops ui_tag_view = {
	.name = "tag",
	.opened_by = FOLIO_ACT_TAG,
	.open = tag_open,
	.action = tag_action,
	UI_PROMPT_OPS,
};
