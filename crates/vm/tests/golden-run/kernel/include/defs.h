# define GREETING "hello from an include"
