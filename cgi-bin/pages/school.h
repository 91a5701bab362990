/* Handlers of the school area. */
#ifndef PAGES_SCHOOL_H
#define PAGES_SCHOOL_H

#include "http/http.h"

#endif
