// libxml2's SAX2 push parser, read only by the LectorXML facade (see Sources/LectorXML).
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>
#include <libxml/xmlerror.h>
