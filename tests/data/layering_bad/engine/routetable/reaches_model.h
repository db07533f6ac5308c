#pragma once
#include "engine/model/node.h"
