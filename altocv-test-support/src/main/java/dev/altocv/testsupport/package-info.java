/**
 * Test support: local servers on 127.0.0.1 that speak the wire protocols of outside services, used by the
 * tests of the other modules. Not published; not API.
 */
@NullMarked
package dev.altocv.testsupport;

import org.jspecify.annotations.NullMarked;
