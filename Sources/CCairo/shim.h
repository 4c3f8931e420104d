// cairo.h alone does not declare the PDF and SVG surfaces.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
