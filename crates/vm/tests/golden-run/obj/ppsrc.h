# define TWICE(x)	((x) * 2)
# define GREETING	"hi\tthere"
