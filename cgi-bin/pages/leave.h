/* Handlers of the leave area. */
#ifndef PAGES_LEAVE_H
#define PAGES_LEAVE_H

#include "http/http.h"

#endif
