/*-
 * This file is in the public domain.
 */
/* $FreeBSD: release/10.4.0/sys/amd64/include/specialreg.h 233207 2012-03-19 21:34:11Z tijl $ */

#include <x86/specialreg.h>
