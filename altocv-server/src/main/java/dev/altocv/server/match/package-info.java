/** Job postings, pasted or fetched from a URL (with SSRF protection), and matching a CV against them. */
@NullMarked
package dev.altocv.server.match;

import org.jspecify.annotations.NullMarked;
