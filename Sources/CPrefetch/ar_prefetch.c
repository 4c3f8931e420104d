// The headers' inline functions are the whole module; this file gives the target a source.
#include "ar_prefetch.h"
#include "ar_scan.h"
#include "ar_malloc.h"
