/*-
 * This file is in the public domain.
 */
/* $FreeBSD: release/10.4.0/sys/amd64/include/signal.h 247047 2013-02-20 17:39:52Z kib $ */

#include <x86/signal.h>
