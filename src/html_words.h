/*
 * html_words.h: class and id words of page elements, internal to html_body.c.
 */
#ifndef FOLIO_HTML_WORDS_H
#define FOLIO_HTML_WORDS_H

#include <stdbool.h>

#include <libxml/tree.h>

/* A class or id word of page furniture: nav, footer, sidebar, share, ... */
bool html_furniture_name(const xmlNode *node);

/* A class or id word of what is never the article: the comments. */
bool html_never_article(const xmlNode *node);

/* Readability's weight of an element by its class and id: -25 for a word
 * of furniture-like blocks, +25 for one of article-like blocks, in each
 * attribute; +50 for itemprop="articleBody". */
int html_class_weight(const xmlNode *node);

#endif
