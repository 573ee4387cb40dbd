/* The per-word loops of fast_scan.py in C: the same tokens and matches, without the interpreter.
 *
 * Why C: after fast_scan.py pushed what it could into map/compress, the remaining cost was one
 * interpreted step per word and per candidate term (about 0.7 us each), which capped tagging at
 * ~2 MB/s per core. These two functions are line-for-line ports of FastScanner.tokenize (after
 * its rare-hyphen check) and FastScanner.find_matches; fast_scan.py keeps the Python versions
 * as the fallback when this module is not built, and tests/text_processing/test_compiled_scan.py
 * asserts both give identical output on every gold set and the benchmark text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define TERM 1
#define PREFIX 2

/* A separator holds a punctuation break when one of its characters is in `breaks`. */
static int
has_break(PyObject *sep, PyObject *breaks)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(sep);
    if (n == 0 || (n == 1 && PyUnicode_READ_CHAR(sep, 0) == ' '))
        return 0;
    int kind = PyUnicode_KIND(sep);
    const void *data = PyUnicode_DATA(sep);
    Py_ssize_t bn = PyUnicode_GET_LENGTH(breaks);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c == ' ')
            continue;
        if (PyUnicode_FindChar(breaks, c, 0, bn, 1) >= 0)
            return 1;
    }
    return 0;
}

/* Whether `word` (followed by "-" and a word) is a prefix that joins: "pre-auricular". */
static int
joins(PyObject *word, PyObject *prefixes)
{
    if (PyUnicode_GET_LENGTH(word) > 8)
        return 0; /* longer than every prefix, in any case */
    PyObject *low = PyObject_CallMethod(word, "lower", NULL);
    if (!low)
        return -1;
    int r = PySet_Contains(prefixes, low);
    Py_DECREF(low);
    return r;
}

/* Append one token (word -> key; gap words dropped, breaks recorded). 0 ok, -1 error. */
static int
emit(PyObject *word, Py_ssize_t start, Py_ssize_t end, PyObject *cache, PyObject *gap,
     int *pending, char *brk, Py_ssize_t *kept, PyObject *starts, PyObject *ends,
     PyObject *keys)
{
    PyObject *key = PyDict_GetItemWithError(cache, word); /* borrowed */
    if (key == NULL) {
        if (PyErr_Occurred())
            return -1;
        key = PyObject_GetItem(cache, word); /* __missing__: the lemmatizer (new ref) */
        if (key == NULL)
            return -1;
    }
    else {
        Py_INCREF(key);
    }
    int is_gap = PySet_Contains(gap, key);
    if (is_gap != 0) {
        Py_DECREF(key);
        return is_gap < 0 ? -1 : 0;
    }
    if (*kept > 0 && *pending)
        brk[*kept] = 1;
    *pending = 0;
    PyObject *s = PyLong_FromSsize_t(start), *e = PyLong_FromSsize_t(end);
    int rc = (!s || !e || PyList_Append(starts, s) < 0 || PyList_Append(ends, e) < 0 ||
              PyList_Append(keys, key) < 0)
                 ? -1
                 : 0;
    Py_XDECREF(s);
    Py_XDECREF(e);
    Py_DECREF(key);
    if (rc == 0)
        (*kept)++;
    return rc;
}

/* tokenize(parts, key_cache, gap_words, breaks, joining_prefixes) -> (starts, ends, keys, limits)
 * parts: re.split output, separators and words alternating, separator first. As
 * normalize.tokenize: a word in joining_prefixes (lower-cased) followed by "-" and a word is
 * one token with it ("pre-auricular" -> "preauricular"). */
static PyObject *
scan_tokenize(PyObject *self, PyObject *args)
{
    PyObject *parts, *cache, *gap, *breaks, *prefixes;
    if (!PyArg_ParseTuple(args, "O!O!OUO", &PyList_Type, &parts, &PyDict_Type, &cache, &gap,
                          &breaks, &prefixes))
        return NULL;
    Py_ssize_t nw = PyList_GET_SIZE(parts) / 2;
    PyObject *starts = PyList_New(0), *ends = PyList_New(0), *keys = PyList_New(0);
    PyObject *limits = NULL, *result = NULL, *cur = NULL; /* cur: the word not yet emitted */
    char *brk = PyMem_Calloc(nw + 1, 1);
    if (!starts || !ends || !keys || !brk) {
        if (!brk)
            PyErr_NoMemory();
        goto fail;
    }
    Py_ssize_t pos = 0, kept = 0, cur_start = 0, cur_end = 0;
    int pending = 0;
    for (Py_ssize_t r = 0; r < nw; r++) {
        PyObject *sep = PyList_GET_ITEM(parts, 2 * r);
        PyObject *word = PyList_GET_ITEM(parts, 2 * r + 1);
        if (!PyUnicode_Check(sep) || !PyUnicode_Check(word)) {
            PyErr_SetString(PyExc_TypeError, "parts must be strings");
            goto fail;
        }
        Py_ssize_t start = pos + PyUnicode_GET_LENGTH(sep);
        Py_ssize_t end = start + PyUnicode_GET_LENGTH(word);
        pos = end;
        if (cur != NULL) {
            int j = 0;
            if (PyUnicode_GET_LENGTH(sep) == 1 && PyUnicode_READ_CHAR(sep, 0) == '-') {
                j = joins(cur, prefixes);
                if (j < 0)
                    goto fail;
            }
            if (j) {
                PyObject *joined = PyUnicode_Concat(cur, word);
                if (!joined)
                    goto fail;
                Py_SETREF(cur, joined);
                cur_end = end;
                continue;
            }
            if (emit(cur, cur_start, cur_end, cache, gap, &pending, brk, &kept, starts, ends,
                     keys) < 0)
                goto fail;
            Py_CLEAR(cur);
        }
        if (!pending && has_break(sep, breaks))
            pending = 1;
        Py_INCREF(word);
        cur = word;
        cur_start = start;
        cur_end = end;
    }
    if (cur != NULL &&
        emit(cur, cur_start, cur_end, cache, gap, &pending, brk, &kept, starts, ends, keys) < 0)
        goto fail;
    limits = PyList_New(kept);
    if (!limits)
        goto fail;
    Py_ssize_t nxt = kept;
    for (Py_ssize_t i = kept - 1; i >= 0; i--) {
        PyObject *v = PyLong_FromSsize_t(nxt);
        if (!v)
            goto fail;
        PyList_SET_ITEM(limits, i, v);
        if (brk[i])
            nxt = i;
    }
    result = PyTuple_Pack(4, starts, ends, keys, limits);
fail:
    PyMem_Free(brk);
    Py_XDECREF(cur);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    Py_XDECREF(keys);
    Py_XDECREF(limits);
    return result;
}

/* A new tuple of items[a:b]. */
static PyObject *
tuple_slice(PyObject **items, Py_ssize_t a, Py_ssize_t b)
{
    PyObject *t = PyTuple_New(b - a);
    if (!t)
        return NULL;
    for (Py_ssize_t k = a; k < b; k++) {
        Py_INCREF(items[k]);
        PyTuple_SET_ITEM(t, k - a, items[k]);
    }
    return t;
}

/* Lookup keys without allocation: one tuple per length, refilled with borrowed items for each
 * lookup (a new tuple, filled and freed per lookup, was a fifth of the matcher's time). The
 * tuples are untracked by the garbage collector, never stored in a table, and emptied before
 * they are freed; a key is only looked up with, then released before the next of its length. */
#define SCRATCH_MAX 32
typedef struct {
    PyObject *t[SCRATCH_MAX + 1];
} scratch_t;

/* items[a:b] as a tuple to look up with (new reference: release it before the next key of
 * the same length is made). */
static PyObject *
key_view(scratch_t *s, PyObject **items, Py_ssize_t a, Py_ssize_t b)
{
    Py_ssize_t n = b - a;
    if (n < 1 || n > SCRATCH_MAX)
        return tuple_slice(items, a, b);
    PyObject *t = s->t[n];
    if (t == NULL) {
        t = PyTuple_New(n);
        if (!t)
            return NULL;
        PyObject_GC_UnTrack(t);
        s->t[n] = t;
    }
    for (Py_ssize_t k = 0; k < n; k++)
        PyTuple_SET_ITEM(t, k, items[a + k]); /* borrowed */
    Py_INCREF(t);
    return t;
}

static void
scratch_clear(scratch_t *s)
{
    for (Py_ssize_t n = 1; n <= SCRATCH_MAX; n++) {
        PyObject *t = s->t[n];
        if (t == NULL)
            continue;
        for (Py_ssize_t k = 0; k < n; k++)
            PyTuple_SET_ITEM(t, k, NULL);
        Py_DECREF(t);
        s->t[n] = NULL;
    }
}

/* walk.get(seq[i:j]) as flags: -1 error, 0 absent, else TERM|PREFIX bits. */
static long
walk_flags(scratch_t *s, PyObject *walk, PyObject **seq, Py_ssize_t i, Py_ssize_t j)
{
    PyObject *t = key_view(s, seq, i, j);
    if (!t)
        return -1;
    PyObject *g = PyDict_GetItemWithError(walk, t);
    Py_DECREF(t);
    if (g == NULL)
        return PyErr_Occurred() ? -1 : 0;
    long v = PyLong_AsLong(g);
    if (v == -1 && PyErr_Occurred())
        return -1;
    return v; /* never 0: every stored prefix is a term, a prefix or both */
}

static int
cmp_ssize(const void *x, const void *y)
{
    Py_ssize_t a = *(const Py_ssize_t *)x, b = *(const Py_ssize_t *)y;
    return (a > b) - (a < b);
}

/* Result of a terms lookup at [i, j): 1 hit (hit, key set, new refs), 0 none, -1 error.
 * mt: the keys with numbers masked, or NULL when [i, j) holds no number (the same key). */
static int
lookup(scratch_t *s, PyObject *terms, PyObject **kt, PyObject **mt, Py_ssize_t i, Py_ssize_t j,
       PyObject **hit_out, PyObject **key_out)
{
    PyObject *key = key_view(s, kt, i, j);
    if (!key)
        return -1;
    PyObject *hit = PyDict_GetItemWithError(terms, key);
    if (hit == NULL && PyErr_Occurred()) {
        Py_DECREF(key);
        return -1;
    }
    if (hit == NULL && mt != NULL) {
        Py_DECREF(key);
        key = key_view(s, mt, i, j);
        if (!key)
            return -1;
        hit = PyDict_GetItemWithError(terms, key);
        if (hit == NULL && PyErr_Occurred()) {
            Py_DECREF(key);
            return -1;
        }
    }
    if (hit == NULL) {
        Py_DECREF(key);
        return 0;
    }
    Py_INCREF(hit);
    *hit_out = hit;
    *key_out = key;
    return 1;
}

/* find_matches(keys, limits, starts, ends, text, walk, pairs, single_terms, terms,
 *              case_sensitive, number_key, letters, match_type)
 * -> list of match_type(i, j, hpo_id, priority). pairs: first word -> frozenset of the words
 * that follow it in some key of two or more words (exactly the two-word entries of walk). */
static PyObject *
scan_find_matches(PyObject *self, PyObject *args)
{
    PyObject *keys, *limits, *starts, *ends, *text, *walk, *pairs, *singles, *terms, *cs,
        *number_key, *letters, *match_type;
    if (!PyArg_ParseTuple(args, "O!O!O!O!UO!O!OO!O!UOO", &PyList_Type, &keys, &PyList_Type,
                          &limits, &PyList_Type, &starts, &PyList_Type, &ends, &text,
                          &PyDict_Type, &walk, &PyDict_Type, &pairs, &singles, &PyDict_Type,
                          &terms, &PyDict_Type, &cs, &number_key, &letters, &match_type))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(keys);
    PyObject **kt = ((PyListObject *)keys)->ob_item;
    PyObject *out = PyList_New(0);
    PyObject **mt = NULL;
    char *pair = NULL, *cand = NULL;
    Py_ssize_t *hits = NULL, *digit_at = NULL;
    scratch_t scratch = {{NULL}};
    if (!out)
        return NULL;
    if (n == 0)
        return out;
    int numbers = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *k = kt[i];
        if (PyUnicode_GET_LENGTH(k) > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(k, 0))) {
            numbers = 1;
            break;
        }
    }
    if (numbers) {
        mt = PyMem_Malloc(n * sizeof(PyObject *));
        if (!mt)
            goto nomem;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *k = kt[i];
            int digit =
                PyUnicode_GET_LENGTH(k) > 0 && Py_UNICODE_ISDIGIT(PyUnicode_READ_CHAR(k, 0));
            mt[i] = digit ? number_key : k; /* borrowed: keys and number_key outlive this */
        }
    }
    pair = PyMem_Calloc(n + 1, 1);
    cand = PyMem_Calloc(n + 1, 1);
    hits = PyMem_Malloc(2 * (n + 2) * sizeof(Py_ssize_t));
    if (!pair || !cand || !hits)
        goto nomem;
    if (mt) { /* digit_at[i]: the first number at or after i, so the masked keys are read only
               * where they differ from the plain ones (a few words per abstract) */
        digit_at = PyMem_Malloc((n + 1) * sizeof(Py_ssize_t));
        if (!digit_at)
            goto nomem;
        digit_at[n] = n;
        for (Py_ssize_t i = n - 1; i >= 0; i--)
            digit_at[i] = mt[i] != kt[i] ? i : digit_at[i + 1];
    }
    for (int s = 0; s < (mt ? 2 : 1); s++) {
        PyObject **seq = s == 0 ? kt : mt;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (s == 1 && digit_at[i] > i + 1)
                continue; /* the same words as in the first pass */
            if (i + 1 < n) {
                /* a dict and a small set on words (cached hashes): no tuple, and no lookup in
                 * the large prefix table, which misses the CPU cache */
                PyObject *next = PyDict_GetItemWithError(pairs, seq[i]); /* borrowed */
                int f = 0;
                if (next != NULL)
                    f = PySet_Contains(next, seq[i + 1]);
                else if (PyErr_Occurred())
                    goto fail;
                if (f < 0)
                    goto fail;
                if (f) {
                    pair[i] = 1;
                    cand[i] = 1;
                }
            }
            if (!cand[i]) {
                int c = PySet_Contains(singles, seq[i]);
                if (c < 0)
                    goto fail;
                if (c)
                    cand[i] = 1;
            }
        }
    }
    Py_ssize_t nxt = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!cand[i] || i < nxt)
            continue;
        Py_ssize_t lim = PyLong_AsSsize_t(PyList_GET_ITEM(limits, i));
        if (lim == -1 && PyErr_Occurred())
            goto fail;
        Py_ssize_t nh = 0;
        hits[nh++] = i + 1;
        if (pair[i] && i + 2 <= lim) {
            for (int s = 0; s < (mt && digit_at[i] < lim ? 2 : 1); s++) {
                PyObject **seq = s == 0 ? kt : mt;
                for (Py_ssize_t j = i + 2; j <= lim; j++) {
                    long g = walk_flags(&scratch, walk, seq, i, j);
                    if (g < 0)
                        goto fail;
                    if (g == 0)
                        break;
                    if (g & TERM)
                        hits[nh++] = j;
                    if (!(g & PREFIX))
                        break;
                }
            }
            if (mt && nh > 1) { /* sorted(set(hits)) */
                qsort(hits, nh, sizeof(Py_ssize_t), cmp_ssize);
                Py_ssize_t u = 1;
                for (Py_ssize_t k = 1; k < nh; k++)
                    if (hits[k] != hits[u - 1])
                        hits[u++] = hits[k];
                nh = u;
            }
        }
        for (Py_ssize_t h = nh - 1; h >= 0; h--) {
            Py_ssize_t j = hits[h];
            PyObject *hit = NULL, *key = NULL;
            int r = lookup(&scratch, terms, kt, mt && digit_at[i] < j ? mt : NULL, i, j, &hit, &key);
            if (r < 0)
                goto fail;
            if (r == 0)
                continue;
            PyObject *surface = PyDict_GetItemWithError(cs, key); /* borrowed */
            Py_DECREF(key);
            if (surface == NULL && PyErr_Occurred()) {
                Py_DECREF(hit);
                goto fail;
            }
            /* the Python path compares when the key is case-sensitive; with numbers only
             * when the surface is non-empty */
            if (surface != NULL && (!mt || PyObject_IsTrue(surface))) {
                PyObject *s0 = PyList_GET_ITEM(starts, i), *e0 = PyList_GET_ITEM(ends, j - 1);
                Py_ssize_t a = PyLong_AsSsize_t(s0), b = PyLong_AsSsize_t(e0);
                PyObject *piece = PyUnicode_Substring(text, a, b);
                if (!piece) {
                    Py_DECREF(hit);
                    goto fail;
                }
                PyObject *got = PyObject_CallOneArg(letters, piece);
                Py_DECREF(piece);
                if (!got) {
                    Py_DECREF(hit);
                    goto fail;
                }
                int same = PyObject_RichCompareBool(got, surface, Py_EQ);
                Py_DECREF(got);
                if (same < 0) {
                    Py_DECREF(hit);
                    goto fail;
                }
                if (!same) {
                    Py_DECREF(hit);
                    continue;
                }
            }
            if (!PyTuple_Check(hit) || PyTuple_GET_SIZE(hit) < 2) {
                Py_DECREF(hit);
                PyErr_SetString(PyExc_TypeError, "terms values must be (hpo_id, priority)");
                goto fail;
            }
            PyObject *m = PyObject_CallFunction(match_type, "nnOO", i, j,
                                                PyTuple_GET_ITEM(hit, 0),
                                                PyTuple_GET_ITEM(hit, 1));
            Py_DECREF(hit);
            if (!m)
                goto fail;
            int rc = PyList_Append(out, m);
            Py_DECREF(m);
            if (rc < 0)
                goto fail;
            nxt = j;
            break;
        }
    }
    PyMem_Free(mt);
    PyMem_Free(pair);
    PyMem_Free(cand);
    PyMem_Free(hits);
    PyMem_Free(digit_at);
    scratch_clear(&scratch);
    return out;
nomem:
    PyErr_NoMemory();
fail:
    PyMem_Free(mt);
    PyMem_Free(pair);
    PyMem_Free(cand);
    PyMem_Free(hits);
    PyMem_Free(digit_at);
    scratch_clear(&scratch);
    Py_DECREF(out);
    return NULL;
}

/* cue_phrases(lower, seps, table, prefixes, singles, pairs, pair_firsts, sep_key, cue_type,
 *             lo=0, hi=len(lower))
 * -> [cue_type(first, last, roles)]: leftmost-longest trigger phrases starting at words lo..hi-1
 * (a phrase may run past hi), as the phrase loop of ContextRules.cues (table: words tuple ->
 * {inner separators tuple -> roles}). pair_firsts: first words of `pairs`, so most words cost
 * two set lookups and no tuple. */
static PyObject *
scan_cue_phrases(PyObject *self, PyObject *args)
{
    PyObject *lower, *seps, *table, *prefixes, *singles, *pairs, *pair_firsts, *sep_key,
        *cue_type;
    Py_ssize_t lo = 0, stop = -1;
    if (!PyArg_ParseTuple(args, "O!O!O!OOOOOO|nn", &PyList_Type, &lower, &PyList_Type, &seps,
                          &PyDict_Type, &table, &prefixes, &singles, &pairs, &pair_firsts,
                          &sep_key, &cue_type, &lo, &stop))
        return NULL;
    Py_ssize_t hi = PyList_GET_SIZE(lower);
    if (PyList_GET_SIZE(seps) < hi) {
        PyErr_SetString(PyExc_ValueError, "seps shorter than words");
        return NULL;
    }
    if (stop < 0 || stop > hi)
        stop = hi;
    if (lo < 0)
        lo = 0;
    PyObject **w = ((PyListObject *)lower)->ob_item;
    PyObject *out = PyList_New(0);
    scratch_t scratch = {{NULL}};
    if (!out)
        return NULL;
    Py_ssize_t nxt = lo;
    for (Py_ssize_t i = lo; i < stop; i++) {
        if (i < nxt)
            continue;
        int c = PySet_Contains(singles, w[i]);
        if (c < 0)
            goto fail;
        if (!c && i + 1 < hi) {
            c = PySet_Contains(pair_firsts, w[i]);
            if (c < 0)
                goto fail;
            if (c) {
                PyObject *p = key_view(&scratch, w, i, i + 2);
                if (!p)
                    goto fail;
                c = PySet_Contains(pairs, p);
                Py_DECREF(p);
                if (c < 0)
                    goto fail;
            }
        }
        if (!c)
            continue;
        Py_ssize_t best_j = -1;
        PyObject *best_roles = NULL; /* borrowed from the table */
        for (Py_ssize_t j = i + 1; j <= hi; j++) {
            PyObject *key = key_view(&scratch, w, i, j);
            if (!key)
                goto fail;
            PyObject *by_sep = PyDict_GetItemWithError(table, key);
            if (by_sep == NULL && PyErr_Occurred()) {
                Py_DECREF(key);
                goto fail;
            }
            if (by_sep != NULL) {
                PyObject *inner = PyTuple_New(j - i - 1);
                if (!inner) {
                    Py_DECREF(key);
                    goto fail;
                }
                for (Py_ssize_t k = i + 1; k < j; k++) {
                    PyObject *sk = PyObject_CallOneArg(sep_key, PyList_GET_ITEM(seps, k));
                    if (!sk) {
                        Py_DECREF(inner);
                        Py_DECREF(key);
                        goto fail;
                    }
                    PyTuple_SET_ITEM(inner, k - i - 1, sk);
                }
                PyObject *roles = PyObject_GetItem(by_sep, inner) ; /* KeyError when absent */
                Py_DECREF(inner);
                if (roles == NULL) {
                    if (!PyErr_ExceptionMatches(PyExc_KeyError)) {
                        Py_DECREF(key);
                        goto fail;
                    }
                    PyErr_Clear();
                }
                else {
                    Py_DECREF(roles); /* the table holds it */
                    best_j = j;
                    best_roles = roles;
                }
            }
            int more = PySet_Contains(prefixes, key);
            Py_DECREF(key);
            if (more < 0)
                goto fail;
            if (!more)
                break;
        }
        if (best_j >= 0) {
            PyObject *cue = PyObject_CallFunction(cue_type, "nnO", i, best_j, best_roles);
            if (!cue)
                goto fail;
            int rc = PyList_Append(out, cue);
            Py_DECREF(cue);
            if (rc < 0)
                goto fail;
            nxt = best_j;
        }
    }
    scratch_clear(&scratch);
    return out;
fail:
    scratch_clear(&scratch);
    Py_DECREF(out);
    return NULL;
}

/* split_words(text) -> the list re.split(r"(\d+(?:[.,]\d+)?|[^\W\d_]+)", text) returns:
 * separators and words alternating, separator first and last. Character classes as sre's for
 * str patterns: \d is Py_UNICODE_ISDECIMAL, \w is Py_UNICODE_ISALNUM or "_". */
static PyObject *
scan_split_words(PyObject *self, PyObject *arg)
{
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "split_words() needs a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(arg);
    int kind = PyUnicode_KIND(arg);
    const void *data = PyUnicode_DATA(arg);
    PyObject *out = PyList_New(0);
    if (!out)
        return NULL;
    Py_ssize_t i = 0, last = 0;
    while (i < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        Py_ssize_t j;
        if (Py_UNICODE_ISDECIMAL(c)) {
            j = i + 1;
            while (j < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j)))
                j++;
            if (j + 1 < n) {
                Py_UCS4 p = PyUnicode_READ(kind, data, j);
                if ((p == '.' || p == ',') &&
                    Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j + 1))) {
                    j += 2;
                    while (j < n && Py_UNICODE_ISDECIMAL(PyUnicode_READ(kind, data, j)))
                        j++;
                }
            }
        }
        else if (Py_UNICODE_ISALNUM(c)) { /* a word character that is no decimal digit */
            j = i + 1;
            while (j < n) {
                Py_UCS4 d = PyUnicode_READ(kind, data, j);
                if (!Py_UNICODE_ISALNUM(d) || Py_UNICODE_ISDECIMAL(d))
                    break;
                j++;
            }
        }
        else {
            i++;
            continue;
        }
        PyObject *sep = PyUnicode_Substring(arg, last, i);
        PyObject *word = sep ? PyUnicode_Substring(arg, i, j) : NULL;
        int rc = (!word || PyList_Append(out, sep) < 0 || PyList_Append(out, word) < 0) ? -1 : 0;
        Py_XDECREF(sep);
        Py_XDECREF(word);
        if (rc < 0) {
            Py_DECREF(out);
            return NULL;
        }
        last = i = j;
    }
    PyObject *sep = PyUnicode_Substring(arg, last, n);
    if (!sep || PyList_Append(out, sep) < 0) {
        Py_XDECREF(sep);
        Py_DECREF(out);
        return NULL;
    }
    Py_DECREF(sep);
    return out;
}

/* word_columns(parts) -> (lower, starts, ends) for the words of a split_words list (odd
 * items): each word lower-cased (the same object when it has no upper-case letter, which is
 * most words), and its offsets from the cumulative lengths of the parts before it. */
static PyObject *
scan_word_columns(PyObject *self, PyObject *arg)
{
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "word_columns() needs a list");
        return NULL;
    }
    Py_ssize_t np = PyList_GET_SIZE(arg), nw = np / 2;
    PyObject *lower = PyList_New(nw), *starts = PyList_New(nw), *ends = PyList_New(nw);
    if (!lower || !starts || !ends)
        goto fail;
    Py_ssize_t pos = 0;
    for (Py_ssize_t k = 0; k < np; k++) {
        PyObject *part = PyList_GET_ITEM(arg, k);
        if (!PyUnicode_Check(part)) {
            PyErr_SetString(PyExc_TypeError, "word_columns() needs a list of str");
            goto fail;
        }
        Py_ssize_t len = PyUnicode_GET_LENGTH(part);
        if (k % 2 == 1) {
            Py_ssize_t w = k / 2;
            PyObject *s = PyLong_FromSsize_t(pos), *e = PyLong_FromSsize_t(pos + len);
            if (!s || !e) {
                Py_XDECREF(s);
                Py_XDECREF(e);
                goto fail;
            }
            PyList_SET_ITEM(starts, w, s);
            PyList_SET_ITEM(ends, w, e);
            int upper = 0;
            if (PyUnicode_IS_ASCII(part)) {
                const Py_UCS1 *c = PyUnicode_1BYTE_DATA(part);
                for (Py_ssize_t i = 0; i < len && !upper; i++)
                    upper = c[i] >= 'A' && c[i] <= 'Z';
            }
            else
                upper = 1; /* str.lower decides */
            PyObject *low;
            if (upper)
                low = PyObject_CallMethod(part, "lower", NULL);
            else {
                Py_INCREF(part);
                low = part;
            }
            if (!low)
                goto fail;
            PyList_SET_ITEM(lower, w, low);
        }
        pos += len;
    }
    return Py_BuildValue("(NNN)", lower, starts, ends);
fail:
    Py_XDECREF(lower);
    Py_XDECREF(starts);
    Py_XDECREF(ends);
    return NULL;
}

static PyMethodDef scan_methods[] = {
    {"tokenize", scan_tokenize, METH_VARARGS,
     "Tokens of split text: (starts, ends, keys, limits), as FastScanner.tokenize."},
    {"find_matches", scan_find_matches, METH_VARARGS,
     "Leftmost-longest term matches, as FastScanner.find_matches."},
    {"split_words", scan_split_words, METH_O,
     "re.split of the text on the tokenizer's words (separators and words alternating)."},
    {"word_columns", scan_word_columns, METH_O,
     "(lower, starts, ends) of the words of a split_words list, as context.text_words."},
    {"cue_phrases", scan_cue_phrases, METH_VARARGS,
     "Leftmost-longest context trigger phrases, as ContextRules.cues without punctuation."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef scan_module = {
    PyModuleDef_HEAD_INIT, "_scan", "Compiled word loops of text_processing.fast_scan.", -1,
    scan_methods,
};

PyMODINIT_FUNC
PyInit__scan(void)
{
    return PyModule_Create(&scan_module);
}
