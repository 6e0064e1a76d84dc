# define SECRET 1
