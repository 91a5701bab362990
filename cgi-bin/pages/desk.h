/* Handlers of the desk area. */
#ifndef PAGES_DESK_H
#define PAGES_DESK_H

#include "http/http.h"

#endif
