inherit "/user";
void open() { }
