/*
 * testutil.h - what every cmocka unit test includes: cmocka's required
 * headers in the required order, plus small helpers shared by the tests.
 */
#ifndef FAQ_TESTUTIL_H
#define FAQ_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#endif
